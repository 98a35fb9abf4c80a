namespace KubeKernel.Invariants;

/// <summary>One observed state change of an object's lifecycle machine (<c>Pod</c>, <c>Node</c>, <c>Deployment</c>), and whether the machine permits it.</summary>
/// <remarks>
/// Whether the machine permits it is asked when <see cref="Permitted"/> is read: that builds and runs the machine, which
/// coverage, naming the transitions a step made, does not need.
/// </remarks>
internal sealed record LifecycleTransition(string Machine, string Object, string From, string To, Func<bool> Permits)
{
    /// <summary>Whether the object's lifecycle machine permits the transition under the facts after it.</summary>
    public bool Permitted => Permits();

    /// <summary>The transition's name in coverage reports: <c>Pod Pending→Running</c>.</summary>
    public string Name => $"{Machine} {From}→{To}";
}
