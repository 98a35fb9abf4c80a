using KubeKernel.Model;

namespace KubeKernel.Simulation;

/// <summary>A container the simulated runtime will see exit by itself: when, with which code.</summary>
public sealed record ScheduledExit(long At, string NodeName, ObjectRef Pod, string Container, int ExitCode);
