using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary><c>status.uncountedTerminatedPods</c>: finished pods whose tracking finalizer is being removed, not yet in the counters.</summary>
public sealed record UncountedTerminatedPods(ValueList<string> Succeeded, ValueList<string> Failed)
{
    public static UncountedTerminatedPods Empty { get; } = new(default, default);

    public int Count => Succeeded.Count + Failed.Count;
}
