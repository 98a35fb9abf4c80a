using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;

namespace KubeKernel.Driving;

/// <summary>One reducer step a driver took: when it ran, the state before, the event, and the step it produced.</summary>
/// <remarks>
/// States share structure, so keeping them costs little; checkers diff them to explain a violation. <c>Fault</c>
/// says which injected fault shaped the step (a stale view, a crash, a dropped notification …), if any.
/// </remarks>
/// <param name="Time">Logical time after the step, in milliseconds (<c>After.Now</c>).</param>
/// <param name="Event">The event stepped: an external event, a queued work item (also a dropped one, whose step only leaves the queue), a <c>ClockAdvanced</c>, a fault's <c>ControllerRestarted</c> or concurrent write.</param>
/// <param name="Commands">The step's commands, in the order the interpreter carried them out.</param>
/// <param name="Before">The state the step started from (the driver's state, not the stale view a faulted reconcile read).</param>
/// <param name="After">The state the step produced.</param>
/// <param name="Fault">The injected fault that shaped the step; null for an ordinary step.</param>
public sealed record TraceEntry(long Time, ClusterEvent Event, ValueList<Command> Commands, ClusterState Before, ClusterState After, FaultNote? Fault = null);
