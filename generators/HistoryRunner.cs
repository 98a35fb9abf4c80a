using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Driving;
using KubeKernel.Simulation;

namespace KubeKernel.Generators;

/// <summary>Runs a history through the simulated cluster, recording every reducer step with the state before and after.</summary>
public static class HistoryRunner
{
    /// <summary>What running a history produced.</summary>
    /// <param name="Final">The cluster after the last history step (no fault-free phase follows).</param>
    /// <param name="Steps">Every reducer step taken, in order, with its states before and after.</param>
    public sealed record Run(ClusterState Final, ValueList<TraceEntry> Steps);

    /// <summary>
    /// Runs the history's nodes and steps through a <see cref="ClusterSimulation"/>, its fault steps arming faults as the checker's
    /// do, but judges no invariant. Deterministic: the same history and initial state give an equal run.
    /// </summary>
    /// <param name="history">The history to run; a step that fails (a rejected request) is part of the run, not an error.</param>
    /// <param name="initial">The state to start from; null for <see cref="ClusterState.Initial"/> with the default configuration.</param>
    public static Run Execute(History history, ClusterState? initial = null)
    {
        var simulation = ClusterSimulation.Start(initial ?? ClusterState.Initial(), history);
        foreach (var step in history.Steps)
        {
            simulation.Run(step);
        }

        return new Run(simulation.State, simulation.TraceValue);
    }

    /// <summary>All commands of a run, in order.</summary>
    public static IEnumerable<Command> Commands(Run run) => run.Steps.SelectMany(s => s.Commands);
}
