using KubeKernel.Model;

namespace KubeKernel.Simulation;

/// <summary>A container the simulated runtime will see exit by itself: when, with which code.</summary>
/// <param name="At">When it exits, in logical milliseconds.</param>
/// <param name="NodeName">The node the pod runs on; a node that is down by then does not report the exit.</param>
/// <param name="Pod">The pod.</param>
/// <param name="Container">The container's name.</param>
/// <param name="ExitCode">The exit code it reports.</param>
public sealed record ScheduledExit(long At, string NodeName, ObjectRef Pod, string Container, int ExitCode);
