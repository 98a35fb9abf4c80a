using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Commands;
using KubeKernel.Controllers.Nodes;
using KubeKernel.Events;
using KubeKernel.Generators;
using KubeKernel.Kubelet;
using KubeKernel.Model;
using KubeKernel.Networking;
using KubeKernel.Properties.Support;
using KubeKernel.StateMachines;
using KubeKernel.Store;

namespace KubeKernel.Properties.Networking;

/// <summary>
/// Node IPAM through the kernel (issue 21): registering nodes hands out the lowest free block of the cluster CIDR and a
/// unique InternalIP; an exhausted cluster CIDR leaves a node without a range, recorded as <c>CIDRNotAvailable</c>.
/// </summary>
public class NodeIpamTests
{
    [Fact]
    public void A_thousand_nodes_get_a_thousand_distinct_pod_CIDRs_inside_the_cluster_CIDR()
    {
        var config = ClusterConfig.Default with { ClusterCidr = IPv4Cidr.Parse("10.0.0.0/14") };
        var state = ClusterState.Initial(config);
        for (var i = 1; i <= 1000; i++)
        {
            state = Register(state, $"node-{i}").State;

            // Registration works on the set the kernel follows: it is never rebuilt from every node.
            Assert.Same(state.NodeIpam, NodeIpam.Of(state));
        }

        var nodes = state.Store.List<Node>().OrderBy(n => int.Parse(n.Metadata.Name["node-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var cidrs = nodes.Select(n => IPv4Cidr.Parse(n.Spec.PodCIDR!)).ToList();
        Assert.Equal(1000, cidrs.Distinct().Count());
        Assert.All(cidrs, c => Assert.True(c.PrefixLength == 24 && config.ClusterCidr.Contains(c.Network) && config.ClusterCidr.Contains(c.Broadcast), $"{c}"));
        Assert.Equal("10.0.0.0/24", cidrs[0].ToString());
        Assert.Equal("10.3.231.0/24", cidrs[999].ToString());

        // InternalIPs are unique too, and the first 253 are what they always were.
        var addresses = nodes.Select(n => Assert.Single(n.Status.Addresses)).ToList();
        Assert.Equal(1000, addresses.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 253).Select(i => $"172.18.0.{i + 2}"), addresses.Take(253));
        Assert.Equal(["172.18.0.255", "172.18.1.0", "172.18.1.1"], addresses.Skip(253).Take(3));
        Assert.All(nodes, n => Assert.True(n.IsReady, n.Metadata.Name));
    }

    [Fact]
    public void With_the_default_16_the_257th_node_gets_no_pod_CIDR_and_CIDRNotAvailable()
    {
        var state = ClusterState.Initial();
        for (var i = 1; i <= 256; i++)
        {
            state = Register(state, $"node-{i}").State;
        }

        Assert.Equal(Enumerable.Range(0, 256).Select(i => $"10.244.{i}.0/24").Order(StringComparer.Ordinal), state.Store.List<Node>().Select(n => n.Spec.PodCIDR!).Order(StringComparer.Ordinal));

        var (after, commands) = Register(state, "node-257");
        var node = after.Store.Get<Node>(string.Empty, "node-257")!;
        Assert.Null(node.Spec.PodCIDR);
        var ready = node.ReadyCondition!;
        Assert.Equal((ConditionStatus.False, NodeAgent.NotReadyReason, NodeAgent.NetworkNotReadyMessage), (ready.Status, ready.Reason, ready.Message));

        var ev = Assert.Single(commands.OfType<RecordEvent>(), e => e.Reason == "CIDRNotAvailable");
        Assert.Equal(("Warning", "Node node-257 status is now: CIDRNotAvailable", "cidrAllocator"), (ev.Type, ev.Message, ev.Source));
        Assert.Equal(node.Ref, ev.InvolvedObject);
        Assert.NotEqual(string.Empty, ev.InvolvedObject.Uid);

        // Not ready, it is tainted so that nothing is scheduled there; a heartbeat does not make it ready.
        Assert.Contains(node.Spec.Taints, t => t.Key == NodeLifecycleMath.NotReadyTaint && t.Effect == TaintEffect.NoSchedule);
        var beat = Settle(Kernel.Step(after, new NodeHeartbeatReceived("node-257")).State).State;
        Assert.False(beat.Store.Get<Node>(string.Empty, "node-257")!.IsReady);
        Assert.True(beat.Store.Get<Node>(string.Empty, "node-256")!.IsReady);
    }

    [Fact]
    public void A_pod_on_a_node_without_a_pod_network_gets_no_IP_until_the_node_gets_a_range()
    {
        var config = ClusterConfig.Default with { ClusterCidr = IPv4Cidr.Parse("10.244.0.0/24") };
        var state = Register(ClusterState.Initial(config), "node-1").State;
        state = Register(state, "node-2").State;
        Assert.Null(state.Store.Get<Node>(string.Empty, "node-2")!.Spec.PodCIDR);

        var pinned = new Pod(ObjectMeta.Named("p", "default"), new PodSpec { NodeName = "node-2", Containers = [new Container { Name = "c", Image = "nginx" }] }, new PodStatus());
        var (waiting, commands) = Submit(state, pinned);
        var pod = waiting.Store.Get<Pod>("default", "p")!;
        Assert.Null(pod.Status.PodIP);
        Assert.Equal(PodPhase.Pending, pod.Status.Phase);
        Assert.DoesNotContain(commands, c => c is SyncPod);
        var ev = Assert.Single(commands.OfType<RecordEvent>(), e => e.Reason == "NetworkNotReady");
        Assert.Equal(("Warning", $"network is not ready: {NodeAgent.NetworkNotReadyMessage}"), (ev.Type, ev.Message));

        // node-1 goes; its block is free again. A client gives node-2 that range, as the allocator would on its next retry.
        state = Settle(Kernel.Step(waiting, new ObjectDeleted("delete", new ObjectKey("Node", string.Empty, "node-1"))).State).State;
        Assert.Equal("10.244.0.0/24", NodeIpam.Of(state).NextCidr().ToString());
        var node2 = state.Store.Get<Node>(string.Empty, "node-2")!;
        var (ranged, started) = Submit(state, node2 with { Spec = node2.Spec with { PodCIDR = "10.244.0.0/24" } }, SubmitVerb.Update);
        Assert.Equal("10.244.0.2", ranged.Store.Get<Pod>("default", "p")!.Status.PodIP);
        Assert.Contains(started, c => c is SyncPod { NodeName: "node-2" });
        Assert.Null(NodeIpam.Of(ranged).NextCidr());

        // The kubelet's next heartbeat reports the node ready.
        var beat = Settle(Kernel.Step(ranged, new NodeHeartbeatReceived("node-2")).State).State;
        Assert.True(beat.Store.Get<Node>(string.Empty, "node-2")!.IsReady);
    }

    [Fact]
    public void A_node_that_brings_its_own_pod_CIDR_keeps_it_and_the_range_counts_as_used()
    {
        var own = DefaultNodes.Node("own") with { Spec = new NodeSpec(false, default, "10.244.0.0/24") };
        var state = Settle(Kernel.Step(ClusterState.Initial(), new NodeRegistered(own)).State).State;
        state = Register(state, "next").State;
        Assert.Equal("10.244.0.0/24", state.Store.Get<Node>(string.Empty, "own")!.Spec.PodCIDR);
        Assert.Equal("10.244.1.0/24", state.Store.Get<Node>(string.Empty, "next")!.Spec.PodCIDR);
        Assert.Equal(["172.18.0.2"], state.Store.Get<Node>(string.Empty, "own")!.Status.Addresses);
        Assert.Equal(["172.18.0.3"], state.Store.Get<Node>(string.Empty, "next")!.Status.Addresses);
    }

    [Fact]
    public void A_deleted_node_frees_its_range_and_its_address_for_the_next_node()
    {
        var state = ClusterState.Initial();
        foreach (var name in new[] { "node-1", "node-2", "node-3" })
        {
            state = Register(state, name).State;
        }

        state = Settle(Kernel.Step(state, new ObjectDeleted("delete", new ObjectKey("Node", string.Empty, "node-2"))).State).State;
        state = Register(state, "node-4").State;
        var node4 = state.Store.Get<Node>(string.Empty, "node-4")!;
        Assert.Equal(("10.244.1.0/24", "172.18.0.3"), (node4.Spec.PodCIDR, node4.Status.Addresses.Single()));
    }

    [Fact]
    public void Blocks_of_the_service_CIDR_inside_the_cluster_CIDR_are_never_handed_out()
    {
        // 10.96.0.0/11 holds the service CIDR 10.96.0.0/12: filterOutServiceRange marks its 4,096 blocks used.
        var config = ClusterConfig.Default with { ClusterCidr = IPv4Cidr.Parse("10.96.0.0/11") };
        var state = Register(ClusterState.Initial(config), "node-1").State;
        Assert.Equal("10.112.0.0/24", state.Store.Get<Node>(string.Empty, "node-1")!.Spec.PodCIDR);
    }

    /// <summary>The set the kernel follows change by change equals one built from the store, after every step of random histories.</summary>
    [Fact]
    public void The_followed_set_matches_one_built_from_the_store() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Arb.From(Histories.History()), history =>
        {
            foreach (var step in HistoryRunner.Execute(history).Steps)
            {
                var rebuilt = NodeIpam.Build(step.After.Store, step.After.Config);
                Assert.Same(step.After.NodeIpam, NodeIpam.Of(step.After));
                Assert.Equal(rebuilt.Cidrs, step.After.NodeIpam.Cidrs);
                Assert.Equal(rebuilt.Addresses, step.After.NodeIpam.Addresses);
            }

            return true;
        }));

    [Fact]
    public void A_state_whose_store_was_restored_is_rebuilt_before_it_allocates()
    {
        var state = ClusterState.Initial();
        foreach (var name in new[] { "node-1", "node-2" })
        {
            state = Register(state, name).State;
        }

        // A server restarting from its store: the same objects, but none of the kernel's derived caches.
        var restored = ClusterState.Initial() with { Store = ObjectStore.Restore(state.Store.Revision, state.Store.All()) };
        Assert.NotSame(restored.NodeIpam, NodeIpam.Of(restored));
        var node3 = Register(restored, "node-3").State.Store.Get<Node>(string.Empty, "node-3")!;
        Assert.Equal(("10.244.2.0/24", "172.18.0.4"), (node3.Spec.PodCIDR, node3.Status.Addresses.Single()));
    }

    [Fact]
    public void Nodes_that_claim_overlapping_ranges_are_followed_exactly_when_one_goes()
    {
        // A client registers b with a /23 that holds a's /24: releasing b must not free a's block.
        var state = Register(ClusterState.Initial(), "a").State;
        var b = DefaultNodes.Node("b") with { Spec = new NodeSpec(false, default, "10.244.0.0/23") };
        state = Settle(Kernel.Step(state, new NodeRegistered(b)).State).State;
        Assert.True(state.NodeIpam.Contested);
        state = Settle(Kernel.Step(state, new ObjectDeleted("delete", new ObjectKey("Node", string.Empty, "b"))).State).State;
        Assert.Equal(NodeIpam.Build(state.Store, state.Config).Cidrs, state.NodeIpam.Cidrs);
        Assert.Equal("10.244.1.0/24", NodeIpam.Of(state).NextCidr().ToString());
    }

    public static TheoryData<string, string[], string?> PodIPs => new()
    {
        { "10.244.3.0/24", [], "10.244.3.2" },
        { "10.244.3.0/24", ["10.244.3.2", "10.244.3.3", "10.244.3.5"], "10.244.3.4" },
        { "10.244.3.0/24", [.. Enumerable.Range(2, 253).Select(i => $"10.244.3.{i}")], null },
        { "10.244.0.0/23", [.. Enumerable.Range(2, 254).Select(i => $"10.244.0.{i}")], "10.244.1.0" },
        { "10.244.3.0/30", [], "10.244.3.2" },
        { "10.244.3.0/30", ["10.244.3.2"], null },
        { "10.244.3.0/31", [], null },
    };

    [Theory]
    [MemberData(nameof(PodIPs))]
    public void Pod_IPs_are_the_lowest_free_address_of_the_node_CIDR_from_network_plus_two(string podCidr, string[] used, string? expected)
    {
        var node = DefaultNodes.Node("n") with { Spec = new NodeSpec(false, default, podCidr) };
        var store = ClusterState.Initial().Store.Put(node).Store;
        for (var i = 0; i < used.Length; i++)
        {
            store = store.Put(new Pod(ObjectMeta.Named($"p{i}", "default"), new PodSpec { NodeName = "n" }, new PodStatus { PodIP = used[i] })).Store;
        }

        Assert.Equal(expected, KubeletController.AllocatePodIP(ClusterState.Initial() with { Store = store }, node));
    }

    private static SettleResult Settle(ClusterState state) => Kernel.Settle(state);

    /// <summary>Registers a default node and settles; the commands of both.</summary>
    private static (ClusterState State, ImmutableArray<Command> Commands) Register(ClusterState state, string name)
    {
        var step = Kernel.Step(state, new NodeRegistered(DefaultNodes.Node(name)));
        var settled = Settle(step.State);
        return (settled.State, [.. step.Commands, .. settled.Commands]);
    }

    private static (ClusterState State, ImmutableArray<Command> Commands) Submit(ClusterState state, KubeObject obj, SubmitVerb verb = SubmitVerb.Apply)
    {
        var step = Kernel.Step(state, new ObjectSubmitted("submit", obj, verb));
        var settled = Settle(step.State);
        return (settled.State, [.. step.Commands, .. settled.Commands]);
    }
}
