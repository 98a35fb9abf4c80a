namespace KubeKernel.Cli.Reports;

/// <summary>Everything an HTML report shows, as plain data: the page embeds it as JSON and draws it in the browser.</summary>
/// <remarks>
/// Built from a run's trace by <see cref="ReportBuilder"/>; every list is in a fixed order, so the same run gives the same
/// bytes. Step numbers are 1-based positions in the run's trace; a long run keeps only its first and last steps
/// (<see cref="Omitted"/> says how many were left out between them).
/// </remarks>
/// <param name="Command">The command that made the report: <c>check</c>, <c>replay</c> or <c>simulate</c>.</param>
/// <param name="Title">The headline: what ran, and its verdict.</param>
/// <param name="Summary">Lines under the headline (nodes, seed, counts).</param>
/// <param name="Lanes">The timeline's lanes, top to bottom: the API client, the controllers, the nodes, the cloud and the clock.</param>
/// <param name="Steps">The reducer steps shown, in trace order.</param>
/// <param name="TotalSteps">Every reducer step the run took, shown or not.</param>
/// <param name="Omitted">Steps left out between the first and the last ones shown; 0 when every step is shown.</param>
/// <param name="Phases">The history steps (or the manifests applied) as spans of reducer steps, drawn as bands above the lanes.</param>
/// <param name="Violation">The invariant that failed; null when none did.</param>
/// <param name="Rollouts">One plot per Deployment that owned a ReplicaSet during the run.</param>
/// <param name="Coverage">What a check exercised; null for replay and simulate.</param>
internal sealed record ReportData(
    string Command,
    string Title,
    IReadOnlyList<string> Summary,
    IReadOnlyList<ReportData.Lane> Lanes,
    IReadOnlyList<ReportData.Step> Steps,
    long TotalSteps,
    long Omitted,
    IReadOnlyList<ReportData.Phase> Phases,
    ReportData.Failure? Violation,
    IReadOnlyList<ReportData.Rollout> Rollouts,
    ReportData.CoverageMap? Coverage)
{
    /// <summary>A timeline lane: <c>kind</c> is <c>api</c>, <c>controller</c>, <c>node</c>, <c>cloud</c> or <c>clock</c>.</summary>
    internal sealed record Lane(string Name, string Kind);

    /// <summary>One reducer step: when, on which lane, what happened, the fault that shaped it, and its effects.</summary>
    /// <param name="Number">The step's 1-based position in the run's trace.</param>
    /// <param name="Time">Logical time after the step, in milliseconds.</param>
    /// <param name="Lane">Index into <see cref="Lanes"/>.</param>
    /// <param name="Event">The event in words.</param>
    /// <param name="Fault">What an injected fault did to the step; null for an ordinary step.</param>
    /// <param name="Diff">The state diff, one change a line (<c>~ replicaset default/web-… spec.replicas: 1 → 2</c>).</param>
    /// <param name="Commands">The commands the step produced, in words.</param>
    /// <param name="Transitions">The lifecycle transitions the step took (<c>Pod pod default/web-… Pending→Running</c>).</param>
    internal sealed record Step(long Number, long Time, int Lane, string Event, string? Fault, IReadOnlyList<string> Diff, IReadOnlyList<string> Commands, IReadOnlyList<string> Transitions);

    /// <summary>A span of reducer steps <c>First..Last</c> (inclusive) that one history step or phase of the run took.</summary>
    internal sealed record Phase(long First, long Last, string Label);

    /// <summary>The invariant that failed, at reducer step <c>Step</c> (for one judged between steps, the last step before it).</summary>
    internal sealed record Failure(long Step, string Invariant, string Statement, IReadOnlyList<string> Messages);

    /// <summary>A Deployment's ReplicaSets over the run's steps, with the rollout's bounds.</summary>
    /// <param name="Deployment">namespace/name.</param>
    /// <param name="Strategy"><c>RollingUpdate</c> or <c>Recreate</c>.</param>
    /// <param name="Bounds">The Deployment's replicas and its bounds, a sample each time they changed.</param>
    /// <param name="ReplicaSets">One series per ReplicaSet, in the order they appeared.</param>
    internal sealed record Rollout(string Deployment, string Strategy, IReadOnlyList<BoundSample> Bounds, IReadOnlyList<Series> ReplicaSets);

    /// <summary>From reducer step <c>Step</c> (at logical time <c>Time</c>) on: <c>spec.replicas</c>, and the absolute maxSurge and maxUnavailable they resolve to.</summary>
    internal sealed record BoundSample(long Step, long Time, int Replicas, int MaxSurge, int MaxUnavailable);

    /// <summary>A ReplicaSet's counts, a point each time one changed: <c>[step, time, desired, ready, available]</c>.</summary>
    internal sealed record Series(string Name, IReadOnlyList<long[]> Points);

    /// <summary>A check's coverage: every lifecycle transition the machines permit, every filter verdict and every invariant, with how often each was reached (0: never).</summary>
    internal sealed record CoverageMap(IReadOnlyList<Cell> Transitions, IReadOnlyList<Cell> Verdicts, IReadOnlyList<Cell> Invariants);

    /// <summary>One coverage cell: its group (the machine, the filter), its name within it, and its count.</summary>
    internal sealed record Cell(string Group, string Name, long Count);
}
