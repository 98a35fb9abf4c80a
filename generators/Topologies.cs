using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Generators;

/// <summary>Generators for cluster topologies: nodes with capacities drawn from a small, realistic grammar.</summary>
public static class Topologies
{
    public static readonly Gen<string> Cpu = Gen.Elements("1", "2", "4", "8");

    public static readonly Gen<string> Memory = Gen.Elements("2Gi", "4Gi", "16Gi");

    public static readonly Gen<int> PodCapacity = Gen.Elements(3, 10, 110);

    public static Gen<Node> Node(string name) =>
        from cpu in Cpu
        from memory in Memory
        from pods in PodCapacity
        select new Node(ObjectMeta.Named(name), new NodeSpec(false, default), new NodeStatus(Capacity(cpu, memory, pods), Capacity(cpu, memory, pods), default, default, default));

    /// <summary>1 to <paramref name="max"/> nodes named node-1..N.</summary>
    public static Gen<ValueList<Node>> Nodes(int max = 5) =>
        Gen.Choose(1, max).SelectMany(n => Gen.CollectToList(Enumerable.Range(1, n).Select(i => Node($"node-{i}")))).Select(l => l.ToValueList());

    private static ValueMap<string, Quantity> Capacity(string cpu, string memory, int pods) => ValueMap<string, Quantity>.Empty
        .SetItem("cpu", Quantity.Parse(cpu))
        .SetItem("memory", Quantity.Parse(memory))
        .SetItem("pods", Quantity.FromUnits(pods));
}
