using KubeKernel.Collections;
using KubeKernel.Invariants.Oracles;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Properties.Checking;

/// <summary>The infeasibility oracle: which pending pods fit no node, judged without the scheduler.</summary>
public class PlacementOracleTests
{
    private static readonly Node Small = NewNode("node-1", "1");

    [Fact]
    public void A_pod_that_fits_beside_the_others_is_placeable() =>
        Assert.Null(Placement.Unplaceable(State([Small], Bound("a", "500m", "node-1"), Pending("b", "500m"))));

    [Fact]
    public void A_pod_larger_than_the_room_left_on_every_node_is_not() =>
        Assert.Equal(
            "pod default/b fits no node: 0/1 nodes; node-1: insufficient cpu",
            Placement.Unplaceable(State([Small], Bound("a", "600m", "node-1"), Pending("b", "500m"))));

    [Fact]
    public void Lower_priority_pods_make_room_for_a_pod_that_may_preempt()
    {
        var low = Bound("a", "600m", "node-1");
        var high = Pending("b", "500m") is var p ? p with { Spec = p.Spec with { Priority = 1000 } } : null!;
        Assert.Null(Placement.Unplaceable(State([Small], low, high)));
        Assert.NotNull(Placement.Unplaceable(State([Small], low, high with { Spec = high.Spec with { PreemptionPolicy = PreemptionPolicy.Never } })));
    }

    [Fact]
    public void A_cordon_an_untolerated_taint_or_a_node_selector_keeps_a_pod_off_a_node()
    {
        var pod = Pending("b", "100m");
        Assert.Contains("untolerated taint node.kubernetes.io/unschedulable:NoSchedule", Placement.Unplaceable(State([Small with { Spec = Small.Spec with { Unschedulable = true } }], pod)));
        var tainted = Small with { Spec = Small.Spec with { Taints = [new Taint("dedicated", "gpu", TaintEffect.NoSchedule)] } };
        Assert.Contains("untolerated taint dedicated:NoSchedule", Placement.Unplaceable(State([tainted], pod)));
        Assert.Null(Placement.Unplaceable(State([tainted], pod with { Spec = pod.Spec with { Tolerations = [new Toleration("dedicated", TolerationOperator.Equal, "gpu", TaintEffect.NoSchedule)] } })));
        Assert.Contains("node selector does not match", Placement.Unplaceable(State([Small], pod with { Spec = pod.Spec with { NodeSelector = ValueMap.Of(("disk", "ssd")) } })));
    }

    [Theory]
    [InlineData(NodeSelectorOperator.In, "b", true)]
    [InlineData(NodeSelectorOperator.NotIn, "b", false)]
    [InlineData(NodeSelectorOperator.Gt, "1", true)]
    [InlineData(NodeSelectorOperator.Lt, "1", false)]
    [InlineData(NodeSelectorOperator.Exists, null, true)]
    [InlineData(NodeSelectorOperator.DoesNotExist, null, false)]
    public void Required_node_affinity_is_judged_by_its_operators(NodeSelectorOperator op, string? value, bool fits)
    {
        var node = Small with { Metadata = Small.Metadata with { Labels = ValueMap.Of(("rank", "2"), ("zone", "b")) } };
        var key = op is NodeSelectorOperator.Gt or NodeSelectorOperator.Lt ? "rank" : "zone";
        var term = new NodeSelectorTerm([new NodeSelectorRequirement(key, op, value is null ? default : [value])], default);
        var pod = Pending("b", "100m") is var p ? p with { Spec = p.Spec with { Affinity = new Affinity(new NodeAffinity([term], default), null, null) } } : null!;
        Assert.Equal(fits, Placement.Unplaceable(State([node], pod)) is null);
    }

    private static Node NewNode(string name, string cpu) => new(
        ObjectMeta.Named(name),
        new NodeSpec(false, default),
        new NodeStatus(Capacity(cpu), Capacity(cpu), default, default, default));

    private static ValueMap<string, Quantity> Capacity(string cpu) =>
        ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse(cpu)).SetItem("memory", Quantity.Parse("4Gi")).SetItem("pods", Quantity.FromUnits(110));

    private static Pod Pending(string name, string cpu) => new(
        new ObjectMeta { Name = name, Namespace = "default" },
        new PodSpec { Containers = [new Container { Name = "app", Image = "app", Resources = new ResourceRequirements(ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse(cpu)), default) }] },
        new PodStatus());

    private static Pod Bound(string name, string cpu, string node) => Pending(name, cpu) is var p ? p with { Spec = p.Spec with { NodeName = node } } : null!;

    private static ClusterState State(Node[] nodes, params Pod[] pods) =>
        ClusterState.Initial() with { Store = ObjectStore.Restore(1, [.. nodes, .. pods]) };
}
