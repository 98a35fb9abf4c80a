using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;

namespace KubeKernel.Driving;

/// <summary>One reducer step a driver took: when it ran, the state before, the event, and the step it produced.</summary>
/// <remarks>
/// States share structure, so keeping them costs little; checkers diff them to explain a violation. <c>Fault</c>
/// says which injected fault shaped the step (a stale view, a crash, a dropped notification …), if any.
/// </remarks>
public sealed record TraceEntry(long Time, ClusterEvent Event, ValueList<Command> Commands, ClusterState Before, ClusterState After, FaultNote? Fault = null);
