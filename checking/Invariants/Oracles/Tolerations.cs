using KubeKernel.Model;

namespace KubeKernel.Invariants.Oracles;

/// <summary>Whether a pod tolerates a taint, and for how long, restated from Kubernetes for the invariants alone.</summary>
/// <remarks>
/// From <c>Toleration.ToleratesTaint</c> (k8s.io/api/core/v1/toleration.go): an effect, when given, must equal the taint's;
/// a key, when given, must equal the taint's; then <c>Exists</c> tolerates any value and <c>Equal</c> (or no operator)
/// needs the values equal. And from the taint manager's <c>getMinTolerationTime</c>: a pod on a node with NoExecute
/// taints stays for the least <c>tolerationSeconds</c> among the first tolerations that match each of them, forever if none sets one,
/// and is evicted at once when one taint is not tolerated or a matching toleration says 0 or less.
/// </remarks>
internal static class Tolerations
{
    public static bool Tolerates(Toleration toleration, Taint taint) =>
        (toleration.Effect is not { } effect || effect == taint.Effect) &&
        (string.IsNullOrEmpty(toleration.Key) || toleration.Key == taint.Key) &&
        (toleration.Operator == TolerationOperator.Exists || (toleration.Value ?? string.Empty) == (taint.Value ?? string.Empty));

    /// <summary>The node's NoExecute taints.</summary>
    public static List<Taint> NoExecute(Node node) => node.Spec.Taints.Where(t => t.Effect == TaintEffect.NoExecute).ToList();

    /// <summary>How long, in milliseconds, the tolerations let a pod stay on a node with these NoExecute taints: null for ever, 0 not at all.</summary>
    public static long? StayMillis(IReadOnlyList<Taint> noExecute, IReadOnlyList<Toleration> tolerations)
    {
        long? least = null;
        foreach (var taint in noExecute)
        {
            // getMatchingTolerations takes the first toleration that tolerates each taint.
            if (tolerations.FirstOrDefault(t => Tolerates(t, taint)) is not { } used)
            {
                return 0;
            }

            if (used.TolerationSeconds is { } seconds)
            {
                least = Math.Min(least ?? long.MaxValue, Math.Max(0, seconds) * 1000);
            }
        }

        return least;
    }
}
