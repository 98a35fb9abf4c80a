using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;

namespace KubeKernel.Simulation;

/// <summary>One reducer step of a simulation: when it ran, the state before, the event, and the step it produced.</summary>
/// <remarks>States share structure, so keeping them costs little; checkers diff them to explain a violation.</remarks>
public sealed record TraceEntry(long Time, ClusterEvent Event, ValueList<Command> Commands, ClusterState Before, ClusterState After);
