using KubeKernel.Controllers;
using KubeKernel.Controllers.GarbageCollector;
using KubeKernel.Model;
using KubeKernel.Properties.Scenarios;
using KubeKernel.Store;

namespace KubeKernel.Properties.Controllers;

/// <summary>Cascading deletion, namespace deletion and the default ServiceAccount.</summary>
public class GarbageCollectorTests
{
    [Fact]
    public void Background_deletion_removes_the_owner_first_and_the_dependents_after()
    {
        var scenario = Scenario.FromText($"nodes: [{{count: 2}}]\nsteps:\n  - apply: {{file: {Example()}}}\n  - delete: deployment/nginx-deployment\n");
        var removed = scenario.Changes.Where(c => c.Change.Type == WatchEventType.Deleted).Select(c => c.Change.Object.Kind).ToList();
        Assert.Equal("Deployment", removed[0]);
        Assert.Equal("ReplicaSet", removed[1]);
        Assert.Equal(3, removed.Count(k => k == "Pod"));
        Assert.Empty(scenario.Final.Store.List<Pod>());
    }

    [Fact]
    public void Foreground_deletion_keeps_the_owner_until_its_blocking_dependents_are_gone()
    {
        var scenario = Scenario.FromText($"nodes: [{{count: 2}}]\nsteps:\n  - apply: {{file: {Example()}}}\n  - delete: {{target: deployment/nginx-deployment, propagation: Foreground}}\n");
        var removed = scenario.Changes.Where(c => c.Change.Type == WatchEventType.Deleted).Select(c => c.Change.Object.Kind).ToList();
        Assert.Equal(["Pod", "Pod", "Pod", "ReplicaSet", "Deployment"], removed);
        var marked = scenario.Changes.First(c => c.Change.Object is Deployment { Metadata.IsBeingDeleted: true }).Change.Object;
        Assert.Contains(GarbageCollectorMath.ForegroundFinalizer, marked.Metadata.Finalizers);
        var rsMarked = scenario.Changes.First(c => c.Change.Object is ReplicaSet { Metadata.IsBeingDeleted: true }).Change.Object;
        Assert.Contains(GarbageCollectorMath.ForegroundFinalizer, rsMarked.Metadata.Finalizers);
    }

    [Fact]
    public void Orphan_deletion_removes_only_the_owner_and_strips_its_reference_from_the_dependents()
    {
        var scenario = Scenario.FromText($"nodes: [{{count: 2}}]\nsteps:\n  - apply: {{file: {Example()}}}\n  - delete: {{target: deployment/nginx-deployment, propagation: Orphan}}\n");
        Assert.Null(scenario.Final.Store.Get<Deployment>("default", "nginx-deployment"));
        var rs = Assert.Single(scenario.Final.Store.List<ReplicaSet>());
        Assert.Empty(rs.Metadata.OwnerReferences);
        Assert.Equal(3, scenario.Final.Store.List<Pod>().Count(p => p.Metadata.ControllerRef?.Uid == rs.Metadata.Uid));
    }

    [Fact]
    public void An_object_whose_owner_never_existed_is_collected()
    {
        var scenario = Scenario.FromText("""
            nodes: [{count: 1}]
            steps:
              - apply:
                  manifest: |
                    apiVersion: v1
                    kind: ServiceAccount
                    metadata:
                      name: leftover
                      ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: gone, uid: 00000000-0000-0000-0000-000000000000}]
            """);
        Assert.Null(scenario.Final.Store.Get<ServiceAccount>("default", "leftover"));
    }

    [Fact]
    public void A_dependent_with_a_remaining_owner_survives_and_only_loses_the_gone_reference()
    {
        var scenario = Scenario.FromText($"nodes: [{{count: 1}}]\nsteps:\n  - apply: {{file: {Example()}}}\n");
        var state = scenario.Final;
        var deployment = state.Store.Get<Deployment>("default", "nginx-deployment")!;
        var namespaceOwner = state.Store.Get<Namespace>(string.Empty, "default")!;
        var sa = new ServiceAccount(new ObjectMeta
        {
            Name = "shared", Namespace = "default",
            OwnerReferences = [ControllerRefManager.ControllerRef(deployment) with { Controller = false }, new OwnerReference("v1", "Namespace", "default", namespaceOwner.Metadata.Uid)],
        });
        scenario.Simulation.Run(new Simulation.ApplyStep(sa));
        scenario.Simulation.Run(new Simulation.DeleteStep(deployment.Key));
        var survivor = scenario.Simulation.State.Store.Get<ServiceAccount>("default", "shared")!;
        Assert.Equal(["Namespace"], survivor.Metadata.OwnerReferences.Select(r => r.Kind));
    }

    [Fact]
    public void Every_new_namespace_gets_a_default_ServiceAccount_which_comes_back_when_deleted()
    {
        Assert.All(ClusterState.BuiltInNamespaces, ns => Assert.NotNull(ClusterState.Initial().Store.Get<ServiceAccount>(ns, "default")));
        var scenario = Scenario.FromText("""
            nodes: [{count: 1}]
            steps:
              - apply: {manifest: "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}"}
              - delete: serviceaccount/shop/default
            """);
        var created = scenario.Changes.Where(c => c.Change.Object is ServiceAccount { Metadata.Namespace: "shop" } && c.Change.Type == WatchEventType.Added).ToList();
        Assert.Equal(2, created.Count);
        Assert.NotNull(scenario.Final.Store.Get<ServiceAccount>("shop", "default"));
    }

    private static string Example() => Path.Combine(KubeKernel.Cli.Docs.DocsCatalog.FindRepositoryRoot(AppContext.BaseDirectory), "docs", "examples", "nginx-deployment.yaml");
}
