using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Manifests;

/// <summary>The nodes <c>simulate</c> and <c>serve</c> register when the input names none.</summary>
internal static class DefaultNodes
{
    /// <summary>The default simulated node: 4 cpu, 16Gi memory, 110 pods.</summary>
    public static Node Node(string name)
    {
        var capacity = ValueMap<string, Quantity>.Empty
            .SetItem("cpu", Quantity.Parse("4"))
            .SetItem("memory", Quantity.Parse("16Gi"))
            .SetItem("pods", Quantity.Parse("110"))
            .SetItem("ephemeral-storage", Quantity.Parse("100Gi"));
        return new Node(ObjectMeta.Named(name), new NodeSpec(false, default), new NodeStatus(capacity, capacity, default, default, default));
    }
}
