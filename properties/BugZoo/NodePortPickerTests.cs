using KubeKernel.Checking;
using KubeKernel.Model;
using KubeKernel.Networking;
using KubeKernel.Simulation;
using static KubeKernel.Properties.Networking.Services;

namespace KubeKernel.Properties.BugZoo;

/// <summary>The NodePort seam the zoo seeds: the built-in pick by default, and the seeded pick's bug on the four steps it needs.</summary>
public class NodePortPickerTests
{
    /// <summary>Create a, create b, delete a, create a: the shortest path to the seeded double allocation (and Quint's).</summary>
    private static readonly History CreateCreateDeleteCreate = new(
        [],
        [
            new ApplyStep(Of("svc-a", ServiceType.NodePort)),
            new ApplyStep(Of("svc-b", ServiceType.NodePort)),
            new DeleteStep(new ObjectKey(Kinds.Service.Kind, "default", "svc-a")),
            new ApplyStep(Of("svc-a", ServiceType.NodePort)),
        ]);

    [Fact]
    public void The_default_cluster_picks_node_ports_with_the_built_in_allocator() =>
        Assert.Equal(new Func<PortRange, IReadOnlySet<int>, int?>(NodePortAllocator.Next), ClusterConfig.Default.NodePortPicker);

    [Fact]
    public void The_built_in_allocator_gives_the_released_port_back()
    {
        var state = ClusterState.Initial();
        (state, var a) = Accept(state, Of("svc-a", ServiceType.NodePort));
        (state, var b) = Accept(state, Of("svc-b", ServiceType.NodePort));
        (state, _) = Delete(state, "svc-a");
        (_, var again) = Accept(state, Of("svc-a", ServiceType.NodePort));
        Assert.Equal([30086, 30087, 30086], new[] { a, b, again }.Select(s => s.Spec.Ports[0].NodePort!.Value));
        Assert.Equal(Verdict.Passed, HistoryChecker.Check(CreateCreateDeleteCreate).Verdict);
    }

    [Fact]
    public void The_seeded_allocator_hands_a_held_port_out_again_after_a_delete_and_NodePortsUnique_catches_it()
    {
        var seeded = CheckOptions.Default with { Config = NodePortAllocatorAssumesPackedPorts.Seed(ClusterConfig.Default) };
        var result = HistoryChecker.Check(CreateCreateDeleteCreate, seeded);
        Assert.Equal("NodePortsUnique", result.Violation?.Invariant.Id);
        Assert.Equal(4, result.Violation!.Step);
        Assert.Equal(30087, result.Final.Store.Get<Service>("default", "svc-a")!.Spec.Ports[0].NodePort);
    }

    [Fact]
    public void The_seeded_allocator_never_collides_without_a_release()
    {
        var used = new HashSet<int>();
        var range = ClusterConfig.Default.ServiceNodePortRange;
        for (var i = 0; i < 100; i++)
        {
            Assert.True(used.Add(NodePortAllocatorAssumesPackedPorts.Pick(range, used)!.Value));
        }
    }
}
