using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;

namespace KubeKernel.Driving;

/// <summary>Carries out the kernel's commands and reports back what the world did, as events the driver feeds in.</summary>
/// <remarks>
/// The simulated runtime and cloud (<see cref="Simulation.SimulatedEnvironment"/>) answer at once and deterministically;
/// real ones (processes, a load-balancer provider, an API server's replies) are adapters behind the same interface.
/// </remarks>
public interface IInterpreter
{
    /// <summary>When the world next reports something by itself (a container exiting, a node heartbeating), if ever.</summary>
    long? NextReport { get; }

    /// <summary>Carries out one step's commands, in order; returns the facts they lead to at once, in order.</summary>
    /// <param name="state">The state the step produced (what the commands were decided against).</param>
    /// <param name="commands">The step's commands.</param>
    IReadOnlyList<ClusterEvent> CarryOut(ClusterState state, ValueList<Command> commands);

    /// <summary>The facts that fell due by <paramref name="state"/>'s time, in order, once logical time moved there.</summary>
    IReadOnlyList<ClusterEvent> ReportDue(ClusterState state);
}
