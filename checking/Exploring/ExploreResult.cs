using KubeKernel.Checking;
using KubeKernel.Simulation;

namespace KubeKernel.Exploring;

/// <summary>What a search found: its figures, whether it reached its bounds, and the shortest counterexample if an invariant failed.</summary>
/// <param name="Scope">What was explored.</param>
/// <param name="Distinct">Distinct states visited (after symmetry reduction when it is on).</param>
/// <param name="Transitions">History steps taken from visited states, to new states or known ones.</param>
/// <param name="ReducerSteps">Reducer steps the kernel took, liveness runs included.</param>
/// <param name="MaxDepth">The deepest level that held a state.</param>
/// <param name="DepthBoundHit">Whether states at the depth bound had steps left: the search is then no proof beyond that depth.</param>
/// <param name="StateBoundHit">Whether the search stopped at <see cref="ExploreScope.MaxStates"/> before exhausting its depth.</param>
/// <param name="RawDistinct">Distinct states before symmetry reduction, among those reached (equal to <paramref name="Distinct"/> without it).</param>
/// <param name="InvariantsChecked">The ids of the invariants checked, in catalogue order.</param>
/// <param name="LivenessChecked">States checked to settle with faults off.</param>
/// <param name="Coverage">Lifecycle transitions, scheduler verdicts and faults the search reached.</param>
/// <param name="Violation">The first invariant that failed on a shortest path, or null.</param>
/// <param name="Counterexample">That path, as a history the checker replays; null when nothing failed.</param>
public sealed record ExploreResult(
    ExploreScope Scope,
    int Distinct,
    long Transitions,
    long ReducerSteps,
    int MaxDepth,
    bool DepthBoundHit,
    bool StateBoundHit,
    int RawDistinct,
    IReadOnlyList<string> InvariantsChecked,
    int LivenessChecked,
    Coverage Coverage,
    Violation? Violation,
    History? Counterexample)
{
    /// <summary>Distinct states before reduction over distinct states after it: how much symmetry saved among the states reached.</summary>
    public double SymmetryFactor => Distinct == 0 ? 1 : (double)RawDistinct / Distinct;

    /// <summary>
    /// The most symmetry can save: nodes! × (replicas!)^deployments, the orbits of interchangeable nodes and of the pods of
    /// one ReplicaSet (1 without symmetry).
    /// </summary>
    public double TheoreticalSymmetry =>
        Scope.Symmetry ? Factorial(Scope.Nodes) * Math.Pow(Factorial(Scope.Replicas), Scope.Deployments) : 1;

    /// <summary>Whether the search covered its whole scope: no failure, no bound hit.</summary>
    public bool Complete => Violation is null && !DepthBoundHit && !StateBoundHit;

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
