using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Controllers.Namespaces;
using KubeKernel.Controllers.ReplicaSets;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Properties.Scenarios;
using KubeKernel.Simulation;
using KubeKernel.StateMachines;

namespace KubeKernel.Properties.Controllers;

/// <summary>Which pods a ReplicaSet deletes first, and how it creates pods against a failing API.</summary>
public class ReplicaSetControllerTests
{
    private const long Now = 3_600_000;

    private static Pod PodNamed(string name, string? node = null, PodPhase phase = PodPhase.Running, bool ready = true, long readySince = 0,
        int cost = 0, int restarts = 0, long created = 0) =>
        new(
            new ObjectMeta
            {
                Name = name, Namespace = "default", Uid = $"uid-{name}", CreationTimestamp = created,
                Annotations = cost == 0 ? default : ValueMap.Of((ReplicaSetMath.PodDeletionCostAnnotation, cost.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            },
            new PodSpec { NodeName = node },
            new PodStatus
            {
                Phase = phase,
                Conditions = [new Condition(PodConditionTypes.Ready, ready ? ConditionStatus.True : ConditionStatus.False, string.Empty, string.Empty, readySince)],
                ContainerStatuses = [new ContainerStatus("c", "nginx", ContainerState.Running(0), RestartCount: restarts)],
            });

    public static TheoryData<string, Pod, Pod> Rankings => new()
    {
        { "an unscheduled pod goes before a scheduled one", PodNamed("a", node: null, phase: PodPhase.Pending), PodNamed("b", node: "n1") },
        { "a pending pod goes before a running one", PodNamed("a", node: "n1", phase: PodPhase.Pending), PodNamed("b", node: "n1") },
        { "a pod that is not ready goes before a ready one", PodNamed("a", node: "n1", ready: false), PodNamed("b", node: "n1") },
        { "a lower pod-deletion-cost goes first", PodNamed("a", node: "n1", cost: -5), PodNamed("b", node: "n1") },
        { "a pod doubled up on a node goes before a pod alone on its node", PodNamed("a", node: "crowded"), PodNamed("b", node: "n1") },
        { "the more recently ready pod goes first (log2 buckets)", PodNamed("a", node: "n1", readySince: Now - 1_000), PodNamed("b", node: "n2", readySince: Now - 100_000) },
        { "the pod with more restarts goes first", PodNamed("a", node: "n1", restarts: 3), PodNamed("b", node: "n2") },
        { "the newer pod goes first", PodNamed("a", node: "n1", created: Now - 1_000), PodNamed("b", node: "n2", created: Now - 1_000_000) },
    };

    [Theory]
    [MemberData(nameof(Rankings))]
    public void Victims_are_ranked_as_Kubernetes_ranks_them(string rule, Pod first, Pod second)
    {
        // "crowded" holds two related pods, n1 and n2 one each.
        var related = new List<Pod> { first, second, PodNamed("other", node: "crowded") };
        var victim = ReplicaSetMath.PodsToDelete([second, first], related, 1, Now).Single();
        Assert.True(victim.Metadata.Name == first.Metadata.Name, rule);
    }

    [Fact]
    public void Slow_start_batches_are_1_2_4_8_then_the_rest()
    {
        var writes = Enumerable.Range(0, 20).Select(i => (Write)new DeleteObject(new ObjectKey("Pod", "default", $"p{i}"))).ToList();
        var (staged, next) = SlowStart.Batches(writes, firstStage: 3);
        Assert.Equal([3, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7], staged.Select(w => w.Stage));
        Assert.Equal(8, next);
    }

    [Fact]
    public void A_failing_create_stops_the_remaining_slow_start_batches()
    {
        // A namespace stuck Terminating (no namespace controller here) refuses new pods: 403 for the first create, and
        // Kubernetes' slow start never tries the other nine.
        var config = ClusterConfig.Default with { Controllers = new ControllerSet(ControllerRegistry.Default.All.Where(c => c is not NamespaceController)) };
        var simulation = new ClusterSimulation(ClusterState.Initial(config));
        simulation.Apply(new NodeRegistered(global::KubeKernel.Adapters.Manifests.DefaultNodes.Node("node-1")));
        simulation.Apply(new ObjectSubmitted("ns", new Namespace(new ObjectMeta { Name = "shop" }, default, NamespacePhase.Active)));
        var labels = ValueMap.Of(("app", "web"));
        var rs = new ReplicaSet(
            new ObjectMeta { Name = "web", Namespace = "shop" },
            new ReplicaSetSpec(0, 0, LabelSelector.ForLabels(labels), new PodTemplateSpec(new ObjectMeta { Labels = labels }, new PodSpec { Containers = [new Container { Name = "c", Image = "nginx" }] })),
            new ReplicaSetStatus());
        simulation.Apply(new ObjectSubmitted("rs", rs));
        simulation.Apply(new ObjectDeleted("del", new ObjectKey("Namespace", string.Empty, "shop")));
        var before = simulation.Trace.Count;
        simulation.Apply(new ScaleRequested("scale", rs.Key with { Namespace = "shop" }, 10));
        var syncs = simulation.Trace.Skip(before)
            .Select(t => t.Commands.OfType<Commands.RecordEvent>().Where(e => e.Reason == "FailedCreate").ToList())
            .Where(failed => failed.Count > 0)
            .ToList();
        Assert.NotEmpty(syncs);
        Assert.All(syncs, failed => Assert.Single(failed));
        Assert.Equal("Error creating: pods \"web-\" is forbidden: unable to create new content in namespace shop because it is being terminated", syncs[0][0].Message);
    }

    [Fact]
    public void An_orphaned_pod_matching_the_selector_is_adopted_instead_of_a_new_one_being_created()
    {
        var scenario = Scenario.FromText("""
            nodes: [{count: 1}]
            steps:
              - apply:
                  manifest: |
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: stray, labels: {tier: frontend}}
                    spec: {containers: [{name: php, image: php}]}
              - apply:
                  manifest: |
                    apiVersion: apps/v1
                    kind: ReplicaSet
                    metadata: {name: frontend}
                    spec:
                      replicas: 2
                      selector: {matchLabels: {tier: frontend}}
                      template:
                        metadata: {labels: {tier: frontend}}
                        spec: {containers: [{name: php, image: php}]}
            """);
        var pods = scenario.Final.Store.List<Pod>().ToList();
        Assert.Equal(2, pods.Count);
        Assert.All(pods, p => Assert.Equal("frontend", p.Metadata.ControllerRef?.Name));
        Assert.Contains(pods, p => p.Metadata.Name == "stray");
    }
}
