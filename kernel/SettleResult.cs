using KubeKernel.Collections;
using KubeKernel.Commands;

namespace KubeKernel;

/// <summary>The outcome of <see cref="Kernel.Settle"/>: the state, every command emitted, how many steps ran, and whether the queue drained.</summary>
public sealed record SettleResult(ClusterState State, ValueList<Command> Commands, int Steps, bool Quiescent);
