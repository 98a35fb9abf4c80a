using KubeKernel.Model;

namespace KubeKernel.Generators;

/// <summary>One step of a generated cluster history, resolved against the current state into a kernel event when it runs.</summary>
/// <remarks>
/// Steps name pods by position ("the 3rd pod") rather than by generated name, so a history stays valid
/// whatever names the kernel picked; a step with nothing to act on resolves to no event.
/// </remarks>
public abstract record HistoryStep;

/// <summary>A client applies, creates or updates an object (possibly malformed on purpose).</summary>
public sealed record SubmitStep(KubeObject Object, Events.SubmitVerb Verb = Events.SubmitVerb.Apply) : HistoryStep;

/// <summary>A client deletes an object.</summary>
public sealed record DeleteStep(ObjectKey Target) : HistoryStep;

/// <summary>A client scales a workload.</summary>
public sealed record ScaleStep(ObjectKey Target, int Replicas) : HistoryStep;

/// <summary>A kubelet registers a node.</summary>
public sealed record RegisterNodeStep(Node Node) : HistoryStep;

/// <summary>Every live node heartbeats (a lease renewal round).</summary>
public sealed record HeartbeatStep : HistoryStep;

/// <summary>Logical time moves forward.</summary>
public sealed record AdvanceStep(long Milliseconds) : HistoryStep;

/// <summary>A container of the <c>PodIndex</c>-th bound pod (modulo the count) exits with a code.</summary>
public sealed record CrashStep(int PodIndex, int ExitCode) : HistoryStep;

/// <summary>The queued work runs to quiescence (the default driver).</summary>
public sealed record SettleStep : HistoryStep;
