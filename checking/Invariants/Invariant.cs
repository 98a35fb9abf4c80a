using KubeKernel.Driving;

namespace KubeKernel.Invariants;

/// <summary>A named property of cluster states: an id, a one-line statement and a check that returns the violations.</summary>
/// <remarks>
/// The check sees the state before and after a step (<c>before</c> is null for a lone state), so both state
/// invariants (unique NodePorts) and step invariants (resourceVersion only grows) fit one shape. A violation
/// is a sentence naming the objects involved; none means the invariant holds.
/// <para>
/// <c>ExcusedBy</c> names the faults under which Kubernetes itself does not promise the invariant (a Deployment
/// acting on a lagging cache can scale below maxUnavailable): the checker does not check it on a step such a
/// fault shaped. <c>RequiresController</c> names the controller that establishes it (the garbage collector for
/// owner references); clusters without that controller do not check it.
/// </para>
/// <para>
/// <c>Reads</c> names the parts of a state the check reads. With it, the checker settles a step that changed none
/// of them by comparison instead of running the check: so the check must read nothing else, and must find nothing
/// on a step that changed none of them (true of a state property that held before, and of a property of changes).
/// Without it, the check runs on every step.
/// </para>
/// <para>
/// <c>Incremental</c> is an optional second form of the check for a step from a state the invariant held in: it may
/// look only at what the step changed, and must find exactly what the full check would find then. The checker uses it
/// when the step starts from the very state it last found the invariant to hold in.
/// </para>
/// </remarks>
/// <param name="Id">The catalogue id (<c>NodePortsUnique</c>): unique among a run's invariants, since reports, coverage and the shrinker match violations by it.</param>
/// <param name="Statement">The property in one sentence, as reports and <c>docs/invariants.md</c> print it.</param>
/// <param name="Kind">When it must hold: after every reducer step, once the queue is drained, or eventually.</param>
/// <param name="Check">
/// The check, <c>(before, after)</c> to one sentence per violation, none when it holds. It must be pure and deterministic;
/// <c>before</c> is null when a lone state is judged.
/// </param>
public sealed record Invariant(string Id, string Statement, InvariantKind Kind, Func<ClusterState?, ClusterState, IEnumerable<string>> Check)
{
    /// <summary>
    /// The faults under which Kubernetes does not promise the invariant: the checker skips it on a reducer step such a fault
    /// shaped. Default <see cref="FaultKinds.None"/>: checked whatever the faults.
    /// </summary>
    public FaultKinds ExcusedBy { get; init; }

    /// <summary>The controller that establishes the invariant (<c>garbage-collector</c>): a cluster that does not run it skips the invariant. Null, the default: always checked.</summary>
    public string? RequiresController { get; init; }

    /// <summary>
    /// The controllers whose decisions the invariant judges (<see cref="Controllers.ControllerNames"/>): their pages in
    /// <c>docs/controllers/</c> list it. Empty for one about the API server or the store alone.
    /// </summary>
    internal IReadOnlyList<string> Concerns { get; init; } = [];

    /// <summary>
    /// The parts of a state the check reads, so that a step that changed none of them is settled by comparison (see the
    /// contract in the remarks); null, the default, runs the check on every step.
    /// </summary>
    public StateFootprint? Reads { get; init; }

    /// <summary>
    /// True for an eventual invariant that holds whether or not every pod could be placed (owner references, default
    /// ServiceAccounts): the checker judges it at the end of a history even when some pod fits no node. The other
    /// eventual invariants (false, the default) are excused then, since a cluster without room cannot reach them whatever
    /// its controllers do, and the history is infeasible rather than failed if one of them is violated. Safety and
    /// after-settle invariants are always judged.
    /// </summary>
    public bool IndependentOfPlacement { get; init; }

    /// <summary>
    /// An optional faster check, <c>(held, after)</c>, for a step from <c>held</c>, a state the invariant holds in: it may look
    /// only at what the step changed, and must find exactly what <see cref="Check"/> finds then. Null, the default, uses <see cref="Check"/>.
    /// </summary>
    public Func<ClusterState, ClusterState, IEnumerable<string>>? Incremental { get; init; }

    /// <summary>Runs <see cref="Check"/> and collects what it finds; empty when the invariant holds.</summary>
    /// <param name="before">
    /// The state before the step for a safety invariant; null for a lone state (after settle, and an eventual one at the end of
    /// the fault-free phase); the converged state when an eventual one is judged again after the quiet period.
    /// </param>
    /// <param name="after">The state judged.</param>
    public IReadOnlyList<string> Violations(ClusterState? before, ClusterState after) => Collect(Check(before, after));

    /// <summary>The violations after a step from <paramref name="held"/>, a state the invariant holds in: by <see cref="Incremental"/> when there is one.</summary>
    public IReadOnlyList<string> ViolationsSinceHeld(ClusterState held, ClusterState after) =>
        Collect(Incremental is { } incremental ? incremental(held, after) : Check(held, after));

    private static IReadOnlyList<string> Collect(IEnumerable<string> check)
    {
        // Called for every invariant after every step, and nearly always finds nothing: no list for that case.
        using var found = check.GetEnumerator();
        if (!found.MoveNext())
        {
            return [];
        }

        var violations = new List<string> { found.Current };
        while (found.MoveNext())
        {
            violations.Add(found.Current);
        }

        return violations;
    }

    /// <summary>Whether the invariant applies to a cluster running these controllers.</summary>
    public bool AppliesTo(ClusterState state) => RequiresController is null || state.Config.Controllers.Find(RequiresController) is not null;

    /// <inheritdoc/>
    /// <returns><c>Id: Statement</c>.</returns>
    public override string ToString() => $"{Id}: {Statement}";
}
