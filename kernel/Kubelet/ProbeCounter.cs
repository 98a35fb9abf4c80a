namespace KubeKernel.Kubelet;

/// <summary>One probe's schedule and consecutive results, as the kubelet's prober worker keeps them.</summary>
internal sealed record ProbeCounter(long? NextDue, int Successes, int Failures)
{
    public static ProbeCounter Idle { get; } = new(null, 0, 0);

    public static ProbeCounter StartingAt(long due) => new(due, 0, 0);

    public ProbeCounter Record(bool success) => success ? this with { Successes = Successes + 1, Failures = 0 } : this with { Successes = 0, Failures = Failures + 1 };
}
