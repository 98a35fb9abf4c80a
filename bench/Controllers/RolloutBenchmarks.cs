using BenchmarkDotNet.Attributes;
using KubeKernel.Events;
using KubeKernel.Generators;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Bench.Controllers;

/// <summary>A larger Deployment flow: 10 nodes, 200 replicas to Available, then a rolling update to a new image.</summary>
/// <remarks>Every controller's watch runs on every change, so this also measures what idle controllers cost.</remarks>
[MemoryDiagnoser]
public class RolloutBenchmarks
{
    private static readonly Deployment V1 = Workloads.NewDeployment("web", 200, "nginx:1.24", "10m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));

    private static readonly Deployment V2 = Workloads.NewDeployment("web", 200, "nginx:1.25", "10m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));

    [Benchmark]
    public bool TwoHundredReplicaRollout()
    {
        var simulation = new ClusterSimulation(ClusterState.Initial());
        for (var i = 1; i <= 10; i++)
        {
            simulation.Apply(new NodeRegistered(new Node(ObjectMeta.Named($"node-{i}"), new NodeSpec(false, default),
                new NodeStatus(Capacity, Capacity, default, default, default))));
        }

        simulation.Apply(new ObjectSubmitted("v1", V1));
        simulation.RunUntilConverged();
        simulation.Apply(new ObjectSubmitted("v2", V2));
        return simulation.RunUntilConverged();
    }

    private static readonly KubeKernel.Collections.ValueMap<string, Quantity> Capacity = KubeKernel.Collections.ValueMap<string, Quantity>.Empty
        .SetItem("cpu", Quantity.Parse("32")).SetItem("memory", Quantity.Parse("64Gi")).SetItem("pods", Quantity.Parse("110"));
}
