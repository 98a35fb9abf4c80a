using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;

namespace KubeKernel.Simulation;

/// <summary>One reducer step of a simulation: when it ran, the event, and the commands it produced.</summary>
public sealed record TraceEntry(long Time, ClusterEvent Event, ValueList<Command> Commands);
