using BenchmarkDotNet.Attributes;
using KubeKernel.Collections;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Bench.Networking;

/// <summary>Service allocation and the networking controllers at scale: N NodePort services created through the API, then settled with pods behind them.</summary>
/// <remarks>
/// Allocation reads the pools off the stored Services, so one create costs O(services); <c>CreateServices</c> shows how that
/// grows with N (linear per create, quadratic in total). <c>SettleWithEndpoints</c> adds a 3-node cluster, one pod per
/// service and the EndpointSlice, kube-proxy and service controllers.
/// </remarks>
[MemoryDiagnoser]
public class ServiceBenchmarks
{
    [Params(100, 1000)]
    public int Services { get; set; }

    [Benchmark]
    public long CreateServices()
    {
        var state = ClusterState.Initial();
        for (var i = 0; i < Services; i++)
        {
            state = Kernel.Step(state, new ObjectSubmitted($"r{i}", NodePort($"svc-{i}"))).State;
        }

        return state.Store.Revision;
    }

    [Benchmark]
    public bool SettleWithEndpoints()
    {
        var simulation = new ClusterSimulation(ClusterState.Initial());
        foreach (var name in new[] { "node-1", "node-2", "node-3" })
        {
            simulation.Apply(new NodeRegistered(new Node(ObjectMeta.Named(name), new NodeSpec(false, default), new NodeStatus(Capacity, Capacity, default, default, default))));
        }

        for (var i = 0; i < Services / 10; i++)
        {
            simulation.Apply(new ObjectSubmitted($"s{i}", NodePort($"svc-{i}")));
            simulation.Apply(new ObjectSubmitted($"p{i}", Pod($"svc-{i}")));
        }

        return simulation.RunUntilConverged();
    }

    private static readonly ValueMap<string, Quantity> Capacity = ValueMap<string, Quantity>.Empty
        .SetItem("cpu", Quantity.Parse("64")).SetItem("memory", Quantity.Parse("256Gi")).SetItem("pods", Quantity.Parse("1000"));

    private static Service NodePort(string name) => new(
        new ObjectMeta { Name = name, Namespace = "default" },
        new ServiceSpec { Type = ServiceType.NodePort, Ports = [new ServicePort("http", "TCP", 80, IntOrString.FromInt(8080))], Selector = ValueMap.Of(("app", name)) },
        ServiceStatus.Empty);

    private static Pod Pod(string app) => new(
        new ObjectMeta { Name = app + "-pod", Namespace = "default", Labels = ValueMap.Of(("app", app)) },
        new PodSpec { Containers = [new Container { Name = "c", Image = "nginx" }] },
        new PodStatus());
}
