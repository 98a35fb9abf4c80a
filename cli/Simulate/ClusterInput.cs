using KubeKernel.Adapters.Manifests;
using KubeKernel.Collections;
using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Cli.Simulate;

/// <summary>What a simulation starts from: the nodes to register and the objects to apply, each remembered with its document.</summary>
internal sealed record ClusterInput(IReadOnlyList<Node> Nodes, IReadOnlyList<ManifestDocument> Objects)
{
    /// <summary>
    /// Node documents register nodes; <paramref name="extraNodes"/> adds node-1..N; with neither, three default nodes.
    /// Namespaces are applied before other objects so a file may define a namespace after its use.
    /// </summary>
    public static ClusterInput From(IReadOnlyList<ManifestDocument> documents, int? extraNodes)
    {
        var nodes = documents.Select(d => d.Object).OfType<Node>().ToList();
        var count = extraNodes ?? (nodes.Count == 0 ? 3 : 0);
        for (var i = 1; i <= count; i++)
        {
            nodes.Add(DefaultNodes.Node($"node-{i}"));
        }

        var objects = documents.Where(d => d.Object is not Node)
            .OrderBy(d => d.Object is Namespace ? 0 : 1)
            .ToList();
        return new ClusterInput(nodes, objects);
    }

    public IEnumerable<NodeRegistered> NodeEvents => Nodes.Select(n => new NodeRegistered(n));

    /// <summary>The request id of an object's apply: its position, so a rejection maps back to its document.</summary>
    public static string RequestId(int index) => $"apply-{index + 1}";
}
