using KubeKernel.Checking;
using KubeKernel.Driving;

namespace KubeKernel.Generators;

/// <summary>One seed's configuration (swarm testing): which faults it injects, how many nodes, how long its history is.</summary>
/// <remarks>
/// Drawing the mix per seed rather than always injecting every fault finds more bugs: a bug that one fault
/// exposes is often masked by another (Groce et al., "Swarm Testing", ISSTA 2012).
/// </remarks>
/// <param name="Faults">The fault kinds this history's steps may draw: a random subset of the run's allowed ones, possibly none.</param>
/// <param name="Nodes">Exactly how many nodes the history starts with, named <c>node-1</c>..<c>node-N</c>.</param>
/// <param name="Steps">Exactly how many steps the history has.</param>
public sealed record Swarm(FaultKinds Faults, int Nodes, int Steps)
{
    /// <inheritdoc/>
    /// <returns>The configuration as a generated history's description gives it: <c>3 node(s), 12 step(s), faults: stale, drop</c>.</returns>
    public override string ToString() => $"{Nodes} node(s), {Steps} step(s), faults: {(Faults == FaultKinds.None ? "none" : Faults.ToString().ToLowerInvariant())}";
}
