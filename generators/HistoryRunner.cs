using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Driving;
using KubeKernel.Simulation;

namespace KubeKernel.Generators;

/// <summary>Runs a history through the simulated cluster, recording every reducer step with the state before and after.</summary>
public static class HistoryRunner
{
    public sealed record Run(ClusterState Final, ValueList<TraceEntry> Steps);

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
