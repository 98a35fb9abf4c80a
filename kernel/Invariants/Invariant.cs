namespace KubeKernel.Invariants;

/// <summary>A named property of cluster states: an id, a one-line statement and a check that returns the violations.</summary>
/// <remarks>
/// The check sees the state before and after a step (<c>before</c> is null for a lone state), so both state
/// invariants (unique NodePorts) and step invariants (resourceVersion only grows) fit one shape. A violation
/// is a sentence naming the objects involved; none means the invariant holds.
/// </remarks>
public sealed record Invariant(string Id, string Statement, InvariantKind Kind, Func<ClusterState?, ClusterState, IEnumerable<string>> Check)
{
    public IReadOnlyList<string> Violations(ClusterState? before, ClusterState after) => [.. Check(before, after)];

    public override string ToString() => $"{Id}: {Statement}";
}
