using KubeKernel.Adapters.Manifests;
using KubeKernel.Collections;
using KubeKernel.Events;
using KubeKernel.Invariants;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Properties.Networking;

/// <summary>
/// <c>PodIPsUnique</c> and <c>NodePodCIDRsDisjoint</c> catch the states that break them (hand-built here; the bug zoo's
/// <c>KubeletReusesPodIPs</c> has the checker find the first one), and their incremental forms find what the full checks find.
/// </summary>
public class PodNetworkInvariantTests
{
    private static readonly Invariant PodIPs = NetworkingInvariants.PodIPsUnique;
    private static readonly Invariant PodCidrs = NetworkingInvariants.NodePodCIDRsDisjoint;

    [Fact]
    public void Two_running_pods_with_one_IP_break_PodIPsUnique()
    {
        var state = With(Pod("a", "10.244.0.2"), Pod("b", "10.244.0.3"), Pod("c", "10.244.0.2"), Pod("d", "10.244.0.2"));
        Assert.Equal(
            ["pod IP 10.244.0.2 is held by both pod default/a and pod default/c", "pod IP 10.244.0.2 is held by both pod default/a and pod default/d"],
            PodIPs.Violations(null, state));
    }

    [Fact]
    public void A_terminal_pod_no_longer_holds_its_IP()
    {
        var state = With(Pod("a", "10.244.0.2", PodPhase.Succeeded), Pod("b", "10.244.0.2"), Pod("c", "10.244.0.3", PodPhase.Failed), Pod("d", "10.244.0.3", PodPhase.Failed));
        Assert.Empty(PodIPs.Violations(null, state));
    }

    [Fact]
    public void Overlapping_node_CIDRs_break_NodePodCIDRsDisjoint()
    {
        var state = With(Node("n1", "10.244.0.0/24"), Node("n2", "10.244.0.0/23"), Node("n3", "10.244.2.0/24"), Node("n4", "10.244.2.0/24"), Node("n5", "10.244.3.0/24"), Node("n6", null));
        Assert.Equal(
            ["node n1 (10.244.0.0/24) and node n2 (10.244.0.0/23) hold overlapping pod CIDRs", "node n3 (10.244.2.0/24) and node n4 (10.244.2.0/24) hold overlapping pod CIDRs"],
            PodCidrs.Violations(null, state));
    }

    [Fact]
    public void Adjacent_CIDRs_do_not_overlap()
    {
        var state = With(Node("n1", "10.244.0.0/24"), Node("n2", "10.244.1.0/24"), Node("n3", "10.244.2.0/23"), Node("n4", "10.245.0.0/16"));
        Assert.Empty(PodCidrs.Violations(null, state));
    }

    [Fact]
    public void From_a_state_they_held_in_the_incremental_forms_find_what_the_full_checks_find()
    {
        var held = With(Node("n1", "10.244.0.0/24"), Node("n2", "10.244.1.0/24"), Pod("a", "10.244.0.2"), Pod("b", "10.244.1.2"), Pod("c", null));
        Assert.Empty(PodIPs.Violations(null, held));
        Assert.Empty(PodCidrs.Violations(null, held));

        // c gets b's IP, b's twin appears, a finishes; n3 takes a range inside n2's and n1's range moves onto it too.
        var broken = held with
        {
            Store = held.Store.Put(Pod("c", "10.244.1.2")).Store.Put(Pod("e", "10.244.1.2")).Store.Put(Pod("a", "10.244.0.2", PodPhase.Succeeded)).Store
                .Put(Node("n3", "10.244.1.128/25")).Store.Put(Node("n1", "10.244.1.0/24")).Store,
        };
        Assert.Equal(3, PodCidrs.Violations(held, broken).Count);
        Assert.Equal(2, PodIPs.Violations(held, broken).Count);
        Assert.Equal(PodIPs.Violations(held, broken), PodIPs.ViolationsSinceHeld(held, broken));
        Assert.Equal(PodCidrs.Violations(held, broken), PodCidrs.ViolationsSinceHeld(held, broken));

        // A step that gave no pod a new IP and no node a new range is settled without looking at the rest.
        var quiet = held with { Store = held.Store.Put(Pod("a", "10.244.0.2") with { Metadata = ObjectMeta.Named("a", "default") with { Labels = ValueMap.Of(("x", "y")) } }).Store };
        Assert.Empty(PodIPs.ViolationsSinceHeld(held, quiet));
        Assert.Empty(PodCidrs.ViolationsSinceHeld(held, quiet));
    }

    [Fact]
    public void A_node_registered_with_a_range_another_holds_is_caught_on_that_step()
    {
        var state = Kernel.Settle(Kernel.Step(ClusterState.Initial(), new NodeRegistered(DefaultNodes.Node("node-1"))).State).State;
        var intruder = DefaultNodes.Node("node-2") with { Spec = new NodeSpec(false, default, "10.244.0.0/16") };
        var after = Kernel.Step(state, new NodeRegistered(intruder)).State;
        Assert.Equal(["node node-1 (10.244.0.0/24) and node node-2 (10.244.0.0/16) hold overlapping pod CIDRs"], PodCidrs.ViolationsSinceHeld(state, after));
        Assert.Equal(PodCidrs.Violations(state, after), PodCidrs.ViolationsSinceHeld(state, after));
    }

    private static ClusterState With(params KubeObject[] objects)
    {
        var state = ClusterState.Initial();
        var store = state.Store;
        foreach (var obj in objects)
        {
            store = store.Put(obj).Store;
        }

        return state with { Store = store };
    }

    private static Pod Pod(string name, string? ip, PodPhase phase = PodPhase.Running) =>
        new(ObjectMeta.Named(name, "default"), new PodSpec { NodeName = "n1" }, new PodStatus { Phase = phase, PodIP = ip });

    private static Node Node(string name, string? podCidr) => DefaultNodes.Node(name) with { Spec = new NodeSpec(false, default, podCidr) };
}
