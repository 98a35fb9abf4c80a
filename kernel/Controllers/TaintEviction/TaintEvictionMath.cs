using KubeKernel.Model;

namespace KubeKernel.Controllers.TaintEviction;

/// <summary>How long a pod may stay on a node with NoExecute taints (<c>GetMatchingTolerations</c>, <c>getMinTolerationTime</c>).</summary>
internal static class TaintEvictionMath
{
    /// <summary>
    /// Milliseconds the pod tolerates the taints: null = forever, 0 = evict now (a taint is not tolerated, or a
    /// toleration has tolerationSeconds ≤ 0).
    /// </summary>
    /// <remarks>
    /// | NoExecute taints        | tolerations (first match per taint) | result     |
    /// |-------------------------|-------------------------------------|------------|
    /// | unreachable             | unreachable Exists 300 s (default)  | 300 000 ms |
    /// | unreachable             | none matching                       | 0          |
    /// | unreachable, not-ready  | Exists (no key, no seconds)         | forever    |
    /// | unreachable, gpu        | unreachable 300 s, gpu 60 s         | 60 000 ms  |
    /// </remarks>
    public static long? TolerationMillis(IEnumerable<Taint> noExecuteTaints, IReadOnlyList<Toleration> tolerations)
    {
        long? min = null;
        foreach (var taint in noExecuteTaints)
        {
            var used = tolerations.FirstOrDefault(t => t.Tolerates(taint));
            if (used is null)
            {
                return 0;
            }

            if (used.TolerationSeconds is { } seconds)
            {
                if (seconds <= 0)
                {
                    return 0;
                }

                min = Math.Min(min ?? long.MaxValue, seconds * 1000);
            }
        }

        return min;
    }

    public static IEnumerable<Taint> NoExecuteTaints(Node node) => node.Spec.Taints.Where(t => t.Effect == TaintEffect.NoExecute);
}
