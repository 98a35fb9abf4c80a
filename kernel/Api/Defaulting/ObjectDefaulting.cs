using KubeKernel.Model;

namespace KubeKernel.Api.Defaulting;

/// <summary>Applies each kind's API defaults (the <c>SetDefaults_*</c> functions) before validation.</summary>
internal static class ObjectDefaulting
{
    /// <summary>Deployment <c>maxSurge</c>/<c>maxUnavailable</c> default.</summary>
    public static readonly IntOrString DefaultRollingParameter = IntOrString.FromString("25%");

    public const int DefaultRevisionHistoryLimit = 10;
    public const int DefaultProgressDeadlineSeconds = 600;
    public const int DefaultBackoffLimit = 6;

    public static KubeObject Apply(KubeObject obj) => obj switch
    {
        Pod p => PodDefaulting.Apply(p),
        Deployment d => Apply(d),
        ReplicaSet rs => rs with { Spec = rs.Spec with { Replicas = rs.Spec.Replicas ?? 1, Template = PodDefaulting.Apply(rs.Spec.Template) } },
        Job j => Apply(j),
        Service s => ServiceDefaulting.Apply(s),
        Namespace ns => ns with { SpecFinalizers = ns.SpecFinalizers.IsEmpty ? ["kubernetes"] : ns.SpecFinalizers },
        Secret secret => SecretDefaulting.Apply(secret),
        PriorityClass pc => pc with { PreemptionPolicy = pc.PreemptionPolicy ?? PreemptionPolicy.PreemptLowerPriority },
        _ => obj,
    };

    private static Deployment Apply(Deployment d)
    {
        var spec = d.Spec;
        var strategy = spec.Strategy;
        if (strategy.Type == DeploymentStrategyType.RollingUpdate)
        {
            var ru = strategy.RollingUpdate ?? new RollingUpdateDeployment(null, null);
            strategy = strategy with
            {
                RollingUpdate = new RollingUpdateDeployment(ru.MaxUnavailable ?? DefaultRollingParameter, ru.MaxSurge ?? DefaultRollingParameter),
            };
        }

        return d with
        {
            Spec = spec with
            {
                Replicas = spec.Replicas ?? 1,
                Strategy = strategy,
                RevisionHistoryLimit = spec.RevisionHistoryLimit ?? DefaultRevisionHistoryLimit,
                ProgressDeadlineSeconds = spec.ProgressDeadlineSeconds ?? DefaultProgressDeadlineSeconds,
                Template = PodDefaulting.Apply(spec.Template),
            },
        };
    }

    /// <summary>Both completions and parallelism unset → both 1; parallelism unset → 1; backoffLimit 6.</summary>
    private static Job Apply(Job j)
    {
        var spec = j.Spec;
        var bothUnset = spec.Completions is null && spec.Parallelism is null;
        return j with
        {
            Spec = spec with
            {
                Completions = bothUnset ? 1 : spec.Completions,
                Parallelism = spec.Parallelism ?? 1,
                BackoffLimit = spec.BackoffLimit ?? DefaultBackoffLimit,
                Template = PodDefaulting.Apply(spec.Template),
            },
        };
    }
}
