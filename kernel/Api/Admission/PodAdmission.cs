using KubeKernel.Model;

namespace KubeKernel.Api.Admission;

/// <summary>The mutating admission plugins that touch new pods: ServiceAccount and DefaultTolerationSeconds (Priority: <see cref="PriorityAdmission"/>).</summary>
internal static class PodAdmission
{
    /// <summary><c>--default-not-ready-toleration-seconds</c> and <c>--default-unreachable-toleration-seconds</c>.</summary>
    public const long DefaultTolerationSeconds = 300;

    public const string NotReadyTaint = "node.kubernetes.io/not-ready";
    public const string UnreachableTaint = "node.kubernetes.io/unreachable";

    public static Pod Admit(Pod pod)
    {
        var spec = pod.Spec;
        var tolerations = spec.Tolerations;
        foreach (var key in new[] { NotReadyTaint, UnreachableTaint })
        {
            // The plugin adds a toleration only when the pod has none for that key and NoExecute.
            if (!tolerations.Any(t => (t.Key == key || (string.IsNullOrEmpty(t.Key) && t.Operator == TolerationOperator.Exists)) && (t.Effect is null or TaintEffect.NoExecute)))
            {
                tolerations = tolerations.Add(new Toleration(key, TolerationOperator.Exists, null, TaintEffect.NoExecute, DefaultTolerationSeconds));
            }
        }

        return pod with
        {
            Spec = spec with
            {
                ServiceAccountName = string.IsNullOrEmpty(spec.ServiceAccountName) ? "default" : spec.ServiceAccountName,
                Tolerations = tolerations,
            },
        };
    }
}
