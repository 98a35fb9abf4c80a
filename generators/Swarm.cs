using KubeKernel.Checking;
using KubeKernel.Driving;

namespace KubeKernel.Generators;

/// <summary>One seed's configuration (swarm testing): which faults it injects, how many nodes, how long its history is.</summary>
/// <remarks>
/// Drawing the mix per seed rather than always injecting every fault finds more bugs: a bug that one fault
/// exposes is often masked by another (Groce et al., "Swarm Testing", ISSTA 2012).
/// </remarks>
public sealed record Swarm(FaultKinds Faults, int Nodes, int Steps)
{
    public override string ToString() => $"{Nodes} node(s), {Steps} step(s), faults: {(Faults == FaultKinds.None ? "none" : Faults.ToString().ToLowerInvariant())}";
}
