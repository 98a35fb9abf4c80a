using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Generators;
using KubeKernel.Invariants;
using KubeKernel.Model;
using KubeKernel.Networking;
using KubeKernel.Simulation;
using static KubeKernel.Properties.Networking.Services;

namespace KubeKernel.Properties.Networking;

/// <summary>The kube-proxy controller: commands only on change, per node, and a periodic sync that repairs lost state.</summary>
public class KubeProxyControllerTests
{
    private static ClusterSimulation WebBehindService()
    {
        var simulation = new ClusterSimulation(ClusterState.Initial());
        foreach (var name in new[] { "node-1", "node-2" })
        {
            simulation.Apply(new NodeRegistered(global::KubeKernel.Adapters.Manifests.DefaultNodes.Node(name)));
        }

        simulation.Apply(new ObjectSubmitted("d", Workloads.NewDeployment("web", 2, "nginx", "100m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null))));
        simulation.Apply(new ObjectSubmitted("s", Of("web", ServiceType.NodePort)));
        Assert.True(simulation.RunUntilConverged());
        return simulation;
    }

    private static List<ProgramService> Programs(ClusterSimulation simulation, int from = 0) =>
        simulation.Trace.Skip(from).SelectMany(t => t.Commands).OfType<ProgramService>().Where(p => p.Service.Name == "web").ToList();

    [Fact]
    public void Each_node_is_programmed_when_its_rules_change_and_not_otherwise()
    {
        var simulation = WebBehindService();
        var last = Programs(simulation).GroupBy(p => p.NodeName).ToDictionary(g => g.Key, g => g.Last().Rules);
        Assert.Equal(["node-1", "node-2"], last.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(last["node-1"], last["node-2"]);
        Assert.Equal(2, last["node-1"].Count);
        Assert.All(last["node-1"], r => Assert.Equal(2, r.Backends.Count));

        // Nothing changes in a minute of heartbeats and syncs: no new command.
        var seen = simulation.Trace.Count;
        simulation.Advance(60_000);
        Assert.Empty(Programs(simulation, seen));
    }

    [Fact]
    public void A_restarted_proxy_programs_everything_again_within_one_sync_period()
    {
        var simulation = WebBehindService();
        var forgotten = new ClusterSimulation(simulation.State with { Memory = simulation.State.Memory.Remove(KubeProxyController.Name) });
        Assert.NotEmpty(NetworkingInvariants.ProxyRulesMatchEndpoints.Violations(null, forgotten.State));
        forgotten.Advance(KubeProxyController.SyncPeriodMillis);
        Assert.Equal(2, Programs(forgotten).Count(p => !p.Rules.IsEmpty));
        Assert.Empty(NetworkingInvariants.ProxyRulesMatchEndpoints.Violations(null, forgotten.State));
    }

    [Fact]
    public void Deleting_the_service_removes_its_rules_from_every_node()
    {
        var simulation = WebBehindService();
        var seen = simulation.Trace.Count;
        simulation.Run(new DeleteStep(new ObjectKey(Kinds.Service.Kind, "default", "web")));
        Assert.Equal([("node-1", true), ("node-2", true)], Programs(simulation, seen).Select(p => (p.NodeName, p.Rules.IsEmpty)));
        Assert.False(KubeProxyMemory.Of(simulation.State).Programmed.ContainsKey("default/web"));
    }
}
