using BenchmarkDotNet.Attributes;
using KubeKernel.Events;
using KubeKernel.Generators;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Bench.Smoke;

/// <summary>The walkthrough flow end to end: three nodes, one three-replica Deployment, run to Available.</summary>
[MemoryDiagnoser]
public class SimulateBenchmarks
{
    private static readonly Deployment Web = Workloads.NewDeployment("web", 3, "nginx", "100m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));

    [Benchmark]
    public bool ThreeReplicaDeploymentToAvailable()
    {
        var simulation = new ClusterSimulation(ClusterState.Initial());
        foreach (var name in new[] { "node-1", "node-2", "node-3" })
        {
            simulation.Apply(new NodeRegistered(new Node(ObjectMeta.Named(name), new NodeSpec(false, default),
                new NodeStatus(Topology.Capacity, Topology.Capacity, default, default, default))));
        }

        simulation.Apply(new ObjectSubmitted("r1", Web));
        return simulation.RunUntilConverged();
    }

    private static class Topology
    {
        public static readonly KubeKernel.Collections.ValueMap<string, Quantity> Capacity = KubeKernel.Collections.ValueMap<string, Quantity>.Empty
            .SetItem("cpu", Quantity.Parse("4")).SetItem("memory", Quantity.Parse("16Gi")).SetItem("pods", Quantity.Parse("110"));
    }
}
