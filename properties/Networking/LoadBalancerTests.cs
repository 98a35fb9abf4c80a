using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Controllers.Services;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Simulation;
using static KubeKernel.Properties.Networking.Services;

namespace KubeKernel.Properties.Networking;

/// <summary>The service controller with the simulated cloud: finalizer, status, retries with back-off, clean-up, classes.</summary>
public class LoadBalancerTests
{
    private static ClusterSimulation Cluster(int nodes = 3, SimulatedCloud? cloud = null)
    {
        var simulation = new ClusterSimulation(ClusterState.Initial()) { Cloud = cloud ?? SimulatedCloud.Default };
        for (var i = 1; i <= nodes; i++)
        {
            simulation.Apply(new NodeRegistered(global::KubeKernel.Adapters.Manifests.DefaultNodes.Node($"node-{i}")));
        }

        return simulation;
    }

    private static string Submit(ClusterSimulation simulation, KubeObject obj, SubmitVerb verb = SubmitVerb.Apply) =>
        simulation.Run(new ApplyStep(obj, verb)) ?? "ok";

    private static List<string> Events(ClusterSimulation simulation) =>
        simulation.Trace.SelectMany(t => t.Commands.OfType<RecordEvent>().Select(e => (t.Time, e)))
            .Where(x => x.e.Source == ServiceController.Name)
            .Select(x => $"{x.Time / 1000}s {x.e.Reason}: {x.e.Message}")
            .ToList();

    private static Service Stored(ClusterSimulation simulation, string name = "lb") => simulation.State.Store.Get<Service>("default", name)!;

    [Fact]
    public void A_load_balancer_gets_the_finalizer_first_then_an_address_from_the_cloud()
    {
        var simulation = Cluster();
        Assert.Equal("ok", Submit(simulation, Of("lb", ServiceType.LoadBalancer)));
        Assert.True(simulation.RunUntilConverged());
        var svc = Stored(simulation);
        Assert.Equal([LoadBalancerMath.CleanupFinalizer], svc.Metadata.Finalizers);
        Assert.Equal([new LoadBalancerIngress("203.0.113.1", null)], svc.Status.LoadBalancerIngress);
        Assert.Equal(["0s EnsuringLoadBalancer: Ensuring load balancer", "0s EnsuredLoadBalancer: Ensured load balancer"], Events(simulation));

        var provision = simulation.Trace.SelectMany(t => t.Commands).OfType<ProvisionLoadBalancer>().Single();
        Assert.Equal(["node-1", "node-2", "node-3"], provision.Nodes);
        Assert.Contains(LoadBalancerMath.CleanupFinalizer, provision.Service.Metadata.Finalizers);

        var rules = simulation.Trace.SelectMany(t => t.Commands).OfType<ProgramService>().Last(p => p.NodeName == "node-1" && p.Service.Name == "lb").Rules;
        Assert.Contains(rules, r => r.Frontend == KubeKernel.Networking.ProxyFrontend.LoadBalancer && r.IP == "203.0.113.1");
    }

    [Fact]
    public void Provisioning_failures_are_retried_after_5_then_10_seconds()
    {
        var simulation = Cluster(cloud: SimulatedCloud.Default.Failing("default/lb", 2));
        Submit(simulation, Of("lb", ServiceType.LoadBalancer));
        Assert.True(simulation.RunUntilConverged());
        Assert.Equal(
        [
            "0s EnsuringLoadBalancer: Ensuring load balancer",
            $"0s SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: {SimulatedCloud.FailureMessage}",
            "5s EnsuringLoadBalancer: Ensuring load balancer",
            $"5s SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: {SimulatedCloud.FailureMessage}",
            "15s EnsuringLoadBalancer: Ensuring load balancer",
            "15s EnsuredLoadBalancer: Ensured load balancer",
        ], Events(simulation));
        Assert.Equal("203.0.113.1", Stored(simulation).Status.LoadBalancerIngress.Single().IP);
    }

    public static TheoryData<int, long> Backoff => new() { { 1, 5_000 }, { 2, 10_000 }, { 3, 20_000 }, { 6, 160_000 }, { 7, 300_000 }, { 40, 300_000 } };

    [Theory]
    [MemberData(nameof(Backoff))]
    public void Retry_delays_double_from_5_to_300_seconds(int failures, long millis) => Assert.Equal(millis, LoadBalancerMath.RetryDelayMillis(failures));

    [Fact]
    public void Deleting_the_service_removes_the_load_balancer_before_the_service_goes()
    {
        var simulation = Cluster();
        Submit(simulation, Of("lb", ServiceType.LoadBalancer));
        simulation.RunUntilConverged();
        Assert.Null(simulation.Run(new DeleteStep(new ObjectKey("Service", "default", "lb"))));
        Assert.True(simulation.RunUntilConverged());
        Assert.Null(simulation.State.Store.Get<Service>("default", "lb"));
        Assert.Equal(["DeletingLoadBalancer", "DeletedLoadBalancer"], Events(simulation).Skip(2).Select(e => e.Split(' ')[1].TrimEnd(':')));

        // The address is free again for the next load balancer.
        Submit(simulation, Of("next", ServiceType.LoadBalancer));
        Assert.True(simulation.RunUntilConverged());
        Assert.Equal("203.0.113.1", Stored(simulation, "next").Status.LoadBalancerIngress.Single().IP);
    }

    [Fact]
    public void Changing_the_type_away_from_LoadBalancer_clears_the_status_and_the_finalizer()
    {
        var simulation = Cluster();
        Submit(simulation, Of("lb", ServiceType.LoadBalancer));
        simulation.RunUntilConverged();
        Submit(simulation, Stored(simulation).With(s => s with { Type = ServiceType.NodePort }), SubmitVerb.Update);
        Assert.True(simulation.RunUntilConverged());
        var svc = Stored(simulation);
        Assert.True(svc.Status.LoadBalancerIngress.IsEmpty);
        Assert.Empty(svc.Metadata.Finalizers);
        Assert.Empty(ServiceControllerMemory.Of(simulation.State).Services);
    }

    [Fact]
    public void A_service_with_a_load_balancer_class_is_left_to_its_implementation()
    {
        var simulation = Cluster();
        Submit(simulation, Of("lb", ServiceType.LoadBalancer).With(s => s with { LoadBalancerClass = "example.com/metal" }));
        Assert.True(simulation.RunUntilConverged());
        Assert.Empty(Events(simulation));
        Assert.True(Stored(simulation).Status.LoadBalancerIngress.IsEmpty);
    }

    [Fact]
    public void Without_eligible_nodes_the_controller_warns_and_still_asks_the_cloud()
    {
        var simulation = Cluster(nodes: 0);
        Submit(simulation, Of("lb", ServiceType.LoadBalancer));
        simulation.RunUntilConverged();
        Assert.Contains("0s UnAvailableLoadBalancer: There are no available nodes for LoadBalancer", Events(simulation));

        // A node joining changes the node set, so the load balancer is ensured again with it.
        simulation.Apply(new NodeRegistered(global::KubeKernel.Adapters.Manifests.DefaultNodes.Node("node-1")));
        Assert.Equal(["node-1"], simulation.Trace.SelectMany(t => t.Commands).OfType<ProvisionLoadBalancer>().Last().Nodes);
    }

    [Fact]
    public void A_restarted_controller_ensures_again_and_gets_the_same_address()
    {
        var simulation = Cluster();
        Submit(simulation, Of("lb", ServiceType.LoadBalancer));
        simulation.RunUntilConverged();
        var forgotten = simulation.State with { Memory = simulation.State.Memory.Remove(ServiceController.Name) };
        var restarted = new ClusterSimulation(forgotten) { Cloud = simulation.Cloud };
        restarted.Apply(new ReconcileRequested(ServiceController.Name, "default/lb"));
        restarted.RunUntilConverged();
        Assert.Equal("203.0.113.1", Stored(restarted).Status.LoadBalancerIngress.Single().IP);
        Assert.Equal(LoadBalancerPhase.Ensured, ServiceControllerMemory.Of(restarted.State).Services["default/lb"].Phase);
    }

    /// <summary>
    /// A relist hands the controller the services it remembers, so a load balancer record outlives no service whose last
    /// notification was lost (client-go reports such a service to the handlers as <c>DeletedFinalStateUnknown</c>).
    /// </summary>
    [Fact]
    public void A_relist_forgets_the_load_balancer_of_a_service_whose_deletion_went_unseen()
    {
        var simulation = Cluster();
        Submit(simulation, Of("lb", ServiceType.LoadBalancer));
        simulation.RunUntilConverged();
        var record = ServiceControllerMemory.Of(simulation.State).Services["default/lb"];
        simulation.Apply(new ObjectDeleted("d1", Stored(simulation).Key));
        simulation.RunUntilConverged();
        Assert.Null(simulation.State.Store.Get<Service>("default", "lb"));

        // The deletion's notification lost: the controller still holds the record when the informers relist.
        var unseen = simulation.State with { Memory = simulation.State.Memory.SetItem(ServiceController.Name, ServiceControllerMemory.Of(simulation.State).With("default/lb", record)) };
        var relisted = new ClusterSimulation(unseen) { Cloud = simulation.Cloud };
        relisted.Apply(new WatchesResynced());
        Assert.True(relisted.RunUntilConverged());
        Assert.False(ServiceControllerMemory.Of(relisted.State).Services.ContainsKey("default/lb"));
    }
}
