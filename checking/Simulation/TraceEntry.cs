using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;

namespace KubeKernel.Simulation;

/// <summary>One reducer step of a simulation: when it ran, the state before, the event, and the step it produced.</summary>
/// <remarks>
/// States share structure, so keeping them costs little; checkers diff them to explain a violation. <c>Fault</c>
/// says which injected fault shaped the step (a stale view, a crash, a dropped notification …), if any.
/// </remarks>
public sealed record TraceEntry(long Time, ClusterEvent Event, ValueList<Command> Commands, ClusterState Before, ClusterState After, Checking.FaultNote? Fault = null);
