using System.Globalization;
using KubeKernel.Model;

namespace KubeKernel.Invariants.Oracles;

/// <summary>A RollingUpdate Deployment's surge and unavailability bounds, restated from Kubernetes for the invariants alone.</summary>
/// <remarks>
/// From the Deployment documentation: <c>maxSurge</c> and <c>maxUnavailable</c> default to 25%; a percentage of
/// <c>replicas</c> rounds up for the surge and down for unavailability; when both come to 0, one pod may be unavailable
/// (<c>ResolveFenceposts</c>); unavailability never exceeds <c>replicas</c>. Recreate has neither.
/// </remarks>
internal static class RolloutBounds
{
    /// <summary>The annotation a Deployment sets on its ReplicaSets: the Deployment's replicas when it last sized them.</summary>
    public const string DesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";

    /// <summary>The label a Deployment adds to its ReplicaSets' templates.</summary>
    public const string PodTemplateHashLabel = "pod-template-hash";

    private static readonly IntOrString Default = IntOrString.FromString("25%");

    public static int MaxSurge(Deployment d) => Resolve(d) is { } bounds ? bounds.Surge : 0;

    public static int MaxUnavailable(Deployment d) => Resolve(d) is { } bounds ? Math.Min(bounds.Unavailable, d.Spec.DesiredReplicas) : 0;

    /// <summary>Whether a ReplicaSet runs the Deployment's current template (the pod-template-hash label aside).</summary>
    public static bool IsCurrent(Deployment d, ReplicaSet rs) =>
        WithoutHash(rs.Spec.Template) == WithoutHash(d.Spec.Template);

    private static PodTemplateSpec WithoutHash(PodTemplateSpec template) =>
        template with { Metadata = template.Metadata with { Labels = template.Metadata.Labels.Remove(PodTemplateHashLabel) } };

    private static (int Surge, int Unavailable)? Resolve(Deployment d)
    {
        if (d.Spec.Strategy.Type != DeploymentStrategyType.RollingUpdate)
        {
            return null;
        }

        var replicas = d.Spec.DesiredReplicas;
        var surge = Scale(d.Spec.Strategy.RollingUpdate?.MaxSurge ?? Default, replicas, roundUp: true);
        var unavailable = Scale(d.Spec.Strategy.RollingUpdate?.MaxUnavailable ?? Default, replicas, roundUp: false);
        return surge == 0 && unavailable == 0 ? (0, 1) : (surge, unavailable);
    }

    private static int Scale(IntOrString value, int replicas, bool roundUp)
    {
        if (value.IntValue is { } absolute)
        {
            return absolute;
        }

        var text = value.StringValue ?? "0";
        var percent = int.Parse(text.TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture);
        var scaled = (decimal)percent * replicas / 100;
        return (int)(roundUp ? Math.Ceiling(scaled) : Math.Floor(scaled));
    }
}
