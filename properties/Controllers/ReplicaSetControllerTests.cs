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

    /// <summary>
    /// TestSortingActivePodsWithRanks (controller_utils_test.go), with LogarithmicScaleDown and PodDeletionCost on as
    /// they are by default. Times are Kubernetes' then1Month, then2Hours, then5Hours and then8Hours before now; pods that
    /// are not ready have no container statuses there and none here. Left out: the rows with an Unknown-phase pod
    /// (Equality tests 2, Inequality tests 2 and 3; the kernel's pods have no Unknown phase), Inequality tests 5, where a
    /// ready pod with no lastTransitionTime goes first (Kubernetes sorts a zero time first; the kernel always stamps the
    /// transition, and its time 0 is a real instant), and Inequality tests 14, with PodDeletionCost turned off.
    /// </summary>
    private static class Ranked
    {
        public const long Hour = 3_600_000;
        public const long Now = 40L * 24 * Hour;
        public const long Then1Month = Now - (30L * 24 * Hour);

        public static Pod Of(string name, string? node, PodPhase phase, bool ready, int restarts, long readySince, long created, int cost = 0, string? uid = null)
        {
            var pod = PodNamed(name, node, phase, ready, readySince, cost, restarts, created);
            pod = pod with { Metadata = pod.Metadata with { Uid = uid ?? pod.Metadata.Uid } };
            return ready ? pod : pod with { Status = pod.Status with { ContainerStatuses = default } };
        }

        public static readonly Pod Unscheduled = Of("unscheduled", null, PodPhase.Pending, false, 0, 0, 0);
        public static readonly Pod ScheduledPending = Of("pending", "node", PodPhase.Pending, false, 0, 0, 0);
        public static readonly Pod RunningNotReady = Of("not-ready", "node", PodPhase.Running, false, 0, 0, 0);
        public static readonly Pod RunningReadyNoLastTransitionTime = Of("ready-no-last-transition-time", "node", PodPhase.Running, true, 0, 0, 0);
        public static readonly Pod RunningReadyNow = Of("ready-now", "node", PodPhase.Running, true, 0, Now, Now);
        public static readonly Pod RunningReadyThen = Of("ready-then", "node", PodPhase.Running, true, 0, Then1Month, Then1Month);
        public static readonly Pod RunningReadyNowHighRestarts = Of("ready-high-restarts", "node", PodPhase.Running, true, 9001, Now, Now);
        public static readonly Pod RunningReadyNowCreatedThen = Of("ready-now-created-then", "node", PodPhase.Running, true, 0, Now, Then1Month);
        public static readonly Pod LowPodDeletionCost = Of("low-deletion-cost", "node", PodPhase.Running, true, 0, Now, Then1Month, cost: 10);
        public static readonly Pod HighPodDeletionCost = Of("high-deletion-cost", "node", PodPhase.Running, true, 0, Now, Then1Month, cost: 100);
        public static readonly Pod Unscheduled5Hours = Of("unscheduled-5-hours", null, PodPhase.Pending, false, 0, Now - (5 * Hour), Now - (5 * Hour), uid: string.Empty);
        public static readonly Pod Unscheduled8Hours = Of("unscheduled-10-hours", null, PodPhase.Pending, false, 0, Now - (8 * Hour), Now - (8 * Hour), uid: string.Empty);
        public static readonly Pod Ready2Hours = Of("ready-2-hours", null, PodPhase.Running, true, 0, Now - (2 * Hour), Then1Month);
        public static readonly Pod Ready5Hours = Of("ready-5-hours", null, PodPhase.Running, true, 0, Now - (5 * Hour), Then1Month, uid: string.Empty);
        public static readonly Pod Ready10Hours = Of("ready-10-hours", null, PodPhase.Running, true, 0, Now - (8 * Hour), Then1Month, uid: string.Empty);

        public static int Compare(Pod a, int rankA, Pod b, int rankB) => new ReplicaSetMath.VictimOrder(Now).Compare((a, rankA), (b, rankB));
    }

    public static TheoryData<string, Pod, Pod> EquivalentVictims => new()
    {
        { "Equality tests 0", Ranked.Unscheduled, Ranked.Unscheduled },
        { "Equality tests 1", Ranked.ScheduledPending, Ranked.ScheduledPending },
        { "Equality tests 3", Ranked.RunningNotReady, Ranked.RunningNotReady },
        { "Equality tests 4", Ranked.RunningReadyNowCreatedThen, Ranked.RunningReadyNowCreatedThen },
        { "Equality tests 5", Ranked.RunningReadyNow, Ranked.RunningReadyNow },
        { "Equality tests 6", Ranked.RunningReadyThen, Ranked.RunningReadyThen },
        { "Equality tests 7", Ranked.RunningReadyNowHighRestarts, Ranked.RunningReadyNowHighRestarts },
        { "Equality tests 9: created 5 and 8 hours ago, one log2 bucket, equal UIDs", Ranked.Unscheduled5Hours, Ranked.Unscheduled8Hours },
        { "Equality tests 10: ready 5 and 8 hours ago, one log2 bucket, equal UIDs", Ranked.Ready5Hours, Ranked.Ready10Hours },
    };

    [Theory]
    [MemberData(nameof(EquivalentVictims))]
    public void TestSortingActivePodsWithRanks_equality(string name, Pod p1, Pod p2) =>
        Assert.True(Ranked.Compare(p1, 1, p2, 1) == 0 && Ranked.Compare(p2, 1, p1, 1) == 0, name);

    public static TheoryData<string, Pod, int, Pod, int> OrderedVictims => new()
    {
        { "Inequality tests 0", Ranked.Unscheduled, 1, Ranked.ScheduledPending, 2 },
        { "Inequality tests 1", Ranked.Unscheduled, 2, Ranked.ScheduledPending, 1 },
        { "Inequality tests 4", Ranked.RunningNotReady, 1, Ranked.RunningReadyNoLastTransitionTime, 1 },
        { "Inequality tests 6", Ranked.RunningReadyNow, 2, Ranked.RunningReadyNoLastTransitionTime, 1 },
        { "Inequality tests 7", Ranked.RunningReadyNow, 1, Ranked.RunningReadyThen, 1 },
        { "Inequality tests 8", Ranked.RunningReadyNow, 2, Ranked.RunningReadyThen, 1 },
        { "Inequality tests 9", Ranked.RunningReadyNowHighRestarts, 1, Ranked.RunningReadyNow, 1 },
        { "Inequality tests 10", Ranked.RunningReadyNow, 2, Ranked.RunningReadyNowHighRestarts, 1 },
        { "Inequality tests 11", Ranked.RunningReadyNow, 1, Ranked.RunningReadyNowCreatedThen, 1 },
        { "Inequality tests 12", Ranked.RunningReadyNowCreatedThen, 2, Ranked.RunningReadyNow, 1 },
        { "Inequality tests 13", Ranked.LowPodDeletionCost, 2, Ranked.HighPodDeletionCost, 1 },
        { "Inequality tests 15", Ranked.Ready2Hours, 1, Ranked.Ready5Hours, 1 },

        // Less's rule 6 read out: ready 5 and 8 hours ago fall in one log2 bucket, so the UID decides there and then;
        // the restarts (rule 7) and the creation times (rule 8) are never looked at.
        {
            "one ready-time bucket: the lower UID goes first, however many restarts the other has",
            Ranked.Of("a", "node", PodPhase.Running, true, 0, Ranked.Now - (8 * Ranked.Hour), Ranked.Now, uid: "uid-1"), 1,
            Ranked.Of("b", "node", PodPhase.Running, true, 9001, Ranked.Now - (5 * Ranked.Hour), Ranked.Now, uid: "uid-2"), 1
        },
        {
            "one ready-time bucket: the lower UID goes first, however new the other is",
            Ranked.Of("a", "node", PodPhase.Running, true, 0, Ranked.Now - (8 * Ranked.Hour), Ranked.Then1Month, uid: "uid-1"), 1,
            Ranked.Of("b", "node", PodPhase.Running, true, 0, Ranked.Now - (5 * Ranked.Hour), Ranked.Now, uid: "uid-2"), 1
        },
        {
            "equal ready times: the restarts decide",
            Ranked.Of("a", "node", PodPhase.Running, true, 3, Ranked.Now - (5 * Ranked.Hour), Ranked.Now, uid: "uid-2"), 1,
            Ranked.Of("b", "node", PodPhase.Running, true, 0, Ranked.Now - (5 * Ranked.Hour), Ranked.Now, uid: "uid-1"), 1
        },
    };

    [Theory]
    [MemberData(nameof(OrderedVictims))]
    public void TestSortingActivePodsWithRanks_inequality(string name, Pod lesser, int lesserRank, Pod greater, int greaterRank)
    {
        Assert.True(Ranked.Compare(lesser, lesserRank, greater, greaterRank) < 0, name);
        Assert.True(Ranked.Compare(greater, greaterRank, lesser, lesserRank) > 0, name);
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
