using KubeKernel.Collections;
using KubeKernel.Commands;

namespace KubeKernel;

/// <summary>The outcome of <see cref="Kernel.Settle"/>: the state, every command emitted, how many steps ran, and whether the queue drained.</summary>
/// <param name="State">The state after the last step run.</param>
/// <param name="Commands">Every step's commands, concatenated in step order.</param>
/// <param name="Steps">The number of queued work items run.</param>
/// <param name="Quiescent">True when the work queue drained; false when the step limit stopped the run first. Armed timers do not count: only time advancing fires them.</param>
public sealed record SettleResult(ClusterState State, ValueList<Command> Commands, int Steps, bool Quiescent);
