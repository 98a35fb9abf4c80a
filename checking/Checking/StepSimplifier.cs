using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Checking;

/// <summary>Simpler versions of one history step or node, simplest first: the shrinker's moves beyond deleting steps.</summary>
/// <remarks>
/// | step | simpler versions |
/// |---|---|
/// | apply Deployment, 5 replicas, maxSurge 1 | 0, 1, 2, 4 replicas; default maxSurge/maxUnavailable; fewer containers; no probes; no tolerations; smaller requests |
/// | scale to 6 | 0, 1, 3, 5 |
/// | advance 60s | 1s, 10s, 30s |
/// | stale view lag 4 | lag 1, 2, 3 |
/// | restart after 3 writes | after 0, 1, 2 |
/// | crash pod #7 exit 137 | pod #0, exit 1 |
/// | node 8 cpu, tainted | 4 cpu 16Gi 110 pods, untainted |
/// </remarks>
internal static class StepSimplifier
{
    public static IEnumerable<HistoryStep> Simpler(HistoryStep step) => step switch
    {
        ApplyStep { Object: Deployment d } apply => Deployments(d).Select(x => (HistoryStep)(apply with { Object = x })),
        ScaleStep scale => Smaller(scale.Replicas).Select(r => (HistoryStep)(scale with { Replicas = r })),
        AdvanceStep advance => new long[] { 1_000, 10_000, 30_000 }.Where(ms => ms < advance.Milliseconds).Select(ms => (HistoryStep)new AdvanceStep(ms)),
        StaleViewStep stale => Smaller(stale.Lag).Where(l => l >= 1).Select(l => (HistoryStep)(stale with { Lag = l })),
        RestartStep restart => Smaller(restart.AfterWrites).Select(w => (HistoryStep)(restart with { AfterWrites = w })),
        CrashStep crash => Crashes(crash),
        ProbeStep probe when probe.Pods.Index != 0 => [probe with { Pods = probe.Pods with { Index = 0 } }],
        _ => [],
    };

    /// <summary>A node with the history reader's default capacity (4 cpu, 16Gi, 110 pods, 100Gi ephemeral storage), no taints, labels or cordon.</summary>
    public static IEnumerable<Node> Simpler(Node node)
    {
        var plain = new Node(ObjectMeta.Named(node.Metadata.Name), new NodeSpec(false, default), new NodeStatus(DefaultCapacity, DefaultCapacity, default, default, default));
        if (plain != node)
        {
            yield return plain;
        }
    }

    public static ValueMap<string, Quantity> DefaultCapacity { get; } = ValueMap<string, Quantity>.Empty
        .SetItem("cpu", Quantity.Parse("4"))
        .SetItem("memory", Quantity.Parse("16Gi"))
        .SetItem("pods", Quantity.FromUnits(110))
        .SetItem("ephemeral-storage", Quantity.Parse("100Gi"));

    /// <summary>0, 1, half, and one less than <paramref name="n"/> (distinct, ascending, below it).</summary>
    private static IEnumerable<int> Smaller(int n) => new[] { 0, 1, n / 2, n - 1 }.Where(x => x >= 0 && x < n).Distinct().Order();

    private static IEnumerable<HistoryStep> Crashes(CrashStep crash)
    {
        if (crash.Pods.Index != 0)
        {
            yield return crash with { Pods = crash.Pods with { Index = 0 } };
        }

        if (crash.ExitCode is not (0 or 1))
        {
            yield return crash with { ExitCode = 1 };
        }
    }

    private static IEnumerable<Deployment> Deployments(Deployment d)
    {
        foreach (var r in Smaller(d.Spec.DesiredReplicas))
        {
            yield return d with { Spec = d.Spec with { Replicas = r } };
        }

        // Default parameters, but never a switch of strategy type (that is a different history).
        var plainStrategy = d.Spec.Strategy with { RollingUpdate = null };
        if (d.Spec.Strategy != plainStrategy)
        {
            yield return d with { Spec = d.Spec with { Strategy = plainStrategy } };
        }

        var pod = d.Spec.Template.Spec;
        if (pod.Containers.Count > 1)
        {
            yield return WithPod(d, pod with { Containers = [pod.Containers[0]] });
        }

        if (!pod.Tolerations.IsEmpty)
        {
            yield return WithPod(d, pod with { Tolerations = default });
        }

        if (pod.Containers.Any(c => c.ReadinessProbe is not null || c.LivenessProbe is not null || c.StartupProbe is not null))
        {
            yield return WithPod(d, pod with { Containers = pod.Containers.Select(c => c with { ReadinessProbe = null, LivenessProbe = null, StartupProbe = null }).ToValueList() });
        }

        var small = new ResourceRequirements(ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse("100m")).SetItem("memory", Quantity.Parse("128Mi")), default);
        if (pod.Containers.Any(c => c.Resources != small))
        {
            yield return WithPod(d, pod with { Containers = pod.Containers.Select(c => c with { Resources = small }).ToValueList() });
        }
    }

    private static Deployment WithPod(Deployment d, PodSpec pod) => d with { Spec = d.Spec with { Template = d.Spec.Template with { Spec = pod } } };
}
