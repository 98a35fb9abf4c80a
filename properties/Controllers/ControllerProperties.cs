using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Controllers.Deployments;
using KubeKernel.Controllers.Nodes;
using KubeKernel.Controllers.TaintEviction;
using KubeKernel.Events;
using KubeKernel.Generators;
using KubeKernel.Model;
using KubeKernel.Properties.Support;
using KubeKernel.Simulation;

namespace KubeKernel.Properties.Controllers;

/// <summary>Laws of the workload controllers over generated rollouts, Jobs, crash loops, node failures and deletions.</summary>
/// <remarks>Each case runs a whole simulation, so these use a fifth of <c>KERNEL_PROPERTY_RUNS</c> (at least 10).</remarks>
public class ControllerProperties
{
    private static Config Budget => PropertyBudget.Config.WithMaxTest(Math.Max(10, PropertyBudget.Runs / 5));

    private static ClusterSimulation Cluster(int nodes)
    {
        var simulation = new ClusterSimulation(ClusterState.Initial());
        for (var i = 1; i <= nodes; i++)
        {
            simulation.Apply(new NodeRegistered(global::KubeKernel.Adapters.Manifests.DefaultNodes.Node($"node-{i}")));
        }

        return simulation;
    }

    private static IntOrString Parse(string text) =>
        text.EndsWith('%') ? IntOrString.FromString(text) : IntOrString.FromInt(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture));

    private static readonly Gen<Deployment> Rollouts =
        from replicas in Gen.Choose(1, 10)
        from surge in Gen.Elements("0", "1", "3", "25%", "50%")
        from unavailable in Gen.Elements("0", "1", "2", "25%")
        where !(surge == "0" && unavailable is "0" or "0%")
        select Workloads.NewDeployment("web", replicas, "nginx:1.24", "100m",
            new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, new RollingUpdateDeployment(Parse(unavailable), Parse(surge))));

    [Fact]
    public void During_any_rollout_replicas_stay_within_the_surge_and_availability_above_the_minimum() =>
        Check.One(Budget, Prop.ForAll(Arb.From(Rollouts), deployment =>
        {
            var simulation = Cluster(4);
            simulation.Apply(new ObjectSubmitted("v1", deployment));
            simulation.RunUntilConverged();
            var from = simulation.Trace.Count;
            var updated = deployment with { Spec = deployment.Spec with { Template = deployment.Spec.Template with { Spec = deployment.Spec.Template.Spec with { Containers = [deployment.Spec.Template.Spec.Containers[0] with { Image = "nginx:1.25" }] } } } };
            simulation.Apply(new ObjectSubmitted("v2", updated));
            simulation.RunUntilConverged();

            var replicas = deployment.Spec.DesiredReplicas;
            var (surge, unavailable) = DeploymentMath.ResolveFenceposts(deployment.Spec.Strategy.RollingUpdate!.MaxSurge, deployment.Spec.Strategy.RollingUpdate.MaxUnavailable, replicas);
            var maxUnavailable = Math.Min(unavailable, replicas);
            foreach (var entry in simulation.Trace.Skip(from))
            {
                var sized = entry.After.Store.List<ReplicaSet>().Sum(r => r.Spec.DesiredReplicas);
                var active = entry.After.Store.List<Pod>().Where(p => p.IsActive).ToList();
                if (sized > replicas + surge || (entry.After.Queue.IsEmpty && active.Count > replicas + surge) || active.Count(p => p.IsReady) < replicas - maxUnavailable)
                {
                    return false.Label($"at {entry.Time} ms: ReplicaSets sized {sized}, {active.Count} pods, {active.Count(p => p.IsReady)} available (replicas {replicas}, surge {surge}, maxUnavailable {maxUnavailable})");
                }
            }

            return simulation.State.Store.List<Pod>().All(p => p.Spec.Containers[0].Image == "nginx:1.25").Label("rolled out");
        }));

    private sealed record JobCase(int? Completions, int Parallelism, int BackoffLimit, int ExitCode, int RunSeconds, IReadOnlyList<int> Crashes);

    private static readonly Gen<JobCase> Jobs =
        from completions in Gen.Elements<int?>(null, 1, 2, 3, 5)
        from parallelism in Gen.Choose(1, 4)
        from backoffLimit in Gen.Choose(0, 3)
        from exitCode in Gen.Elements(0, 0, 1)
        from run in Gen.Choose(1, 20)
        from crashes in Gen.ListOf(Gen.Choose(0, 5), 3)
        select new JobCase(completions, parallelism, backoffLimit, exitCode, run, [.. crashes]);

    [Fact]
    public void A_job_never_runs_more_than_parallelism_pods_nor_counts_more_than_completions_successes() =>
        Check.One(Budget, Prop.ForAll(Arb.From(Jobs), c =>
        {
            var simulation = Cluster(3);
            var labels = ValueMap.Of(("app", "work"));
            var job = new Job(new ObjectMeta { Name = "work", Namespace = "default" }, new JobSpec
            {
                Completions = c.Completions,
                Parallelism = c.Parallelism,
                BackoffLimit = c.BackoffLimit,
                Template = new PodTemplateSpec(new ObjectMeta { Labels = labels }, new PodSpec { RestartPolicy = RestartPolicy.Never, Containers = [new Container { Name = "main", Image = "busybox" }] }),
            }, new JobStatus());
            simulation.Run(new ExitAfterStep(new PodSelector(LabelSelector.ForLabels(labels)), null, c.ExitCode, c.RunSeconds * 1000L));
            simulation.Run(new ApplyStep(job));
            foreach (var crash in c.Crashes)
            {
                simulation.Run(new CrashStep(new PodSelector(LabelSelector.ForLabels(labels), Index: crash), null, 1));
                simulation.Run(new AdvanceStep(7_000));
            }

            simulation.Run(new AdvanceStep(300_000));
            foreach (var entry in simulation.Trace)
            {
                var active = entry.After.Store.List<Pod>().Count(p => p.IsActive);
                var counted = entry.After.Store.Get<Job>("default", "work")?.Status.Succeeded ?? 0;
                if (active > c.Parallelism || (c.Completions is { } n && counted > n))
                {
                    return false.Label($"at {entry.Time} ms: {active} active pods, {counted} succeeded");
                }
            }

            return true.ToProperty();
        }));

    [Fact]
    public void Crash_loop_restarts_follow_the_back_off_schedule_and_reset_after_ten_quiet_minutes() =>
        Check.One(Budget, Prop.ForAll(Arb.From(Gen.Choose(1, 700)), runSeconds =>
        {
            var simulation = Cluster(1);
            var labels = ValueMap.Of(("app", "crasher"));
            simulation.Run(new ExitAfterStep(new PodSelector(LabelSelector.ForLabels(labels)), null, 1, runSeconds * 1000L));
            simulation.Run(new ApplyStep(new Pod(new ObjectMeta { Name = "crasher", Namespace = "default", Labels = labels },
                new PodSpec { Containers = [new Container { Name = "main", Image = "busybox" }] }, new PodStatus())));
            simulation.Run(new AdvanceStep(40 * 60 * 1000));
            var starts = simulation.Trace.SelectMany(t => t.Commands.OfType<RecordEvent>().Where(e => e.Reason == "Started").Select(_ => t.Time)).ToList();

            // The k-th restart waits 0, 10, 20, 40 … capped at 300 s after the crash; a container that ran more than
            // 2 × 300 s since its last restart starts over (restarted at once).
            for (var k = 1; k < starts.Count; k++)
            {
                var delay = (starts[k] - starts[k - 1] - (runSeconds * 1000L)) / 1000;
                var expected = k == 1 || runSeconds > 600 ? 0 : Math.Min(10L << (k - 2), 300);
                if (delay != expected)
                {
                    return false.Label($"restart {k} after {delay} s, expected {expected} s");
                }
            }

            return (starts.Count > 2).Label("restarted");
        }));

    private static readonly Gen<long?> TolerationSeconds = Gen.Elements<long?>(null, 0, 30, 120, 300, -1);

    private static readonly Gen<HistoryStep> NodeFaults = Gen.Frequency(
        (3, Gen.Elements("node-1", "node-2", "node-3").Select(n => (HistoryStep)new NodeDownStep(n))),
        (2, Gen.Elements("node-1", "node-2", "node-3").Select(n => (HistoryStep)new NodeUpStep(n))),
        (4, Gen.Elements(10_000L, 60_000L, 200_000L).Select(ms => (HistoryStep)new AdvanceStep(ms))));

    [Fact]
    public void Every_evicted_pod_had_a_NoExecute_taint_it_no_longer_tolerated() =>
        Check.One(Budget, Prop.ForAll(Arb.From(TolerationSeconds), Arb.From(Gen.ListOf(NodeFaults, 8)), (seconds, faults) =>
        {
            var simulation = Cluster(3);
            var web = Workloads.NewDeployment("web", 4, "nginx", "100m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));
            ValueList<Toleration> tolerations = seconds switch
            {
                null => default,
                -1 => [new Toleration(null, TolerationOperator.Exists)],
                { } s => [new Toleration(NodeLifecycleMath.UnreachableTaint, TolerationOperator.Exists, null, TaintEffect.NoExecute, s)],
            };
            simulation.Run(new ApplyStep(web with { Spec = web.Spec with { Template = web.Spec.Template with { Spec = web.Spec.Template.Spec with { Tolerations = tolerations } } } }));
            foreach (var step in faults)
            {
                simulation.Run(step);
            }

            foreach (var entry in simulation.Trace)
            {
                foreach (var eviction in entry.Commands.OfType<RecordEvent>().Where(e => e.Reason == "TaintManagerEviction" && e.Message.StartsWith("Marking", StringComparison.Ordinal)))
                {
                    var pod = entry.Before.Store.Get<Pod>(eviction.InvolvedObject.Namespace, eviction.InvolvedObject.Name)!;
                    var node = entry.Before.Store.Get<Node>(string.Empty, pod.Spec.NodeName!)!;
                    var expired = TaintEvictionMath.NoExecuteTaints(node).Any(t =>
                        pod.Spec.Tolerations.FirstOrDefault(x => x.Tolerates(t)) is not { } used ||
                        (used.TolerationSeconds is { } s && t.TimeAdded + (s * 1000) <= entry.Time));
                    if (!expired)
                    {
                        return false.Label($"pod {pod.Metadata.Name} evicted at {entry.Time} ms from {node.Metadata.Name} while tolerating [{string.Join(", ", node.Spec.Taints)}]");
                    }
                }
            }

            return true.ToProperty();
        }));

    private static readonly Gen<DeletionPropagation> Cascading = Gen.Elements(DeletionPropagation.Background, DeletionPropagation.Foreground);

    [Fact]
    public void After_a_Background_or_Foreground_delete_no_object_is_left_orphaned() =>
        Check.One(Budget, Prop.ForAll(Arb.From(Gen.ListOf(Workloads.Deployment, 3)), Arb.From(Cascading), (deployments, propagation) =>
        {
            var simulation = Cluster(3);
            foreach (var d in deployments)
            {
                simulation.Run(new ApplyStep(d));
            }

            simulation.Run(new AdvanceStep(10_000));
            foreach (var d in deployments.DistinctBy(d => d.Metadata.Name))
            {
                simulation.Run(new DeleteStep(d.Key, propagation));
            }

            simulation.Run(new AdvanceStep(60_000));
            var store = simulation.State.Store;
            var uids = store.All().Select(o => o.Metadata.Uid).ToHashSet(StringComparer.Ordinal);
            var dangling = store.All().Where(o => o.Metadata.OwnerReferences.Any(r => !uids.Contains(r.Uid))).Select(o => o.Key.ToString()).ToList();
            var left = store.List<Deployment>().Count() + store.List<ReplicaSet>().Count() + store.List<Pod>().Count();
            return (dangling.Count == 0 && left == 0).Label($"dangling: [{string.Join(", ", dangling)}], {left} workload objects left");
        }));
}
