namespace KubeKernel.Invariants;

/// <summary>One observed state change of an object's lifecycle machine (<c>Pod</c>, <c>Node</c>, <c>Deployment</c>), and whether the machine permits it.</summary>
public sealed record LifecycleTransition(string Machine, string Object, string From, string To, bool Permitted)
{
    /// <summary>The transition's name in coverage reports: <c>Pod Pending→Running</c>.</summary>
    public string Name => $"{Machine} {From}→{To}";
}
