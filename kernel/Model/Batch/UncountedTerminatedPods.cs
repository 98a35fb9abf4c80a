using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary><c>status.uncountedTerminatedPods</c>: finished pods whose tracking finalizer is being removed, not yet in the counters.</summary>
/// <param name="Succeeded">UIDs of succeeded pods not yet counted in <c>status.succeeded</c>.</param>
/// <param name="Failed">UIDs of failed pods not yet counted in <c>status.failed</c>.</param>
public sealed record UncountedTerminatedPods(ValueList<string> Succeeded, ValueList<string> Failed)
{
    /// <summary>No uncounted pods.</summary>
    public static UncountedTerminatedPods Empty { get; } = new(default, default);

    /// <summary>How many pods are uncounted, succeeded and failed together.</summary>
    public int Count => Succeeded.Count + Failed.Count;
}
