using KubeKernel.Adapters.Histories;
using KubeKernel.Cli.Docs;
using KubeKernel.Commands;
using KubeKernel.Model;
using KubeKernel.Simulation;
using KubeKernel.Store;

namespace KubeKernel.Properties.Scenarios;

/// <summary>A scenario from <c>docs/scenarios</c> run to its end, with helpers to find what happened when.</summary>
public sealed class Scenario
{
    private Scenario(ClusterSimulation simulation, IReadOnlyList<string?> problems)
    {
        Simulation = simulation;
        Problems = problems;
    }

    public ClusterSimulation Simulation { get; }

    /// <summary>Per step, what went wrong (null when the step ran).</summary>
    public IReadOnlyList<string?> Problems { get; }

    public ClusterState Final => Simulation.State;

    public static Scenario Run(string fileName)
    {
        var root = DocsCatalog.FindRepositoryRoot(AppContext.BaseDirectory);
        return Run(HistoryReader.ReadFile(Path.Combine(root, "docs", "scenarios", fileName)));
    }

    /// <summary>Runs a history written inline, in the scenario format.</summary>
    public static Scenario FromText(string yaml) => Run(HistoryReader.Read(yaml, "test", "."));

    private static Scenario Run(Simulation.History history)
    {
        var simulation = ClusterSimulation.Start(ClusterState.Initial(), history);
        var problems = history.Steps.Select(simulation.Run).ToList();
        return new Scenario(simulation, problems);
    }

    /// <summary>Every Kubernetes Event recorded, with the logical time it was recorded at.</summary>
    public IEnumerable<(long Time, RecordEvent Event)> Events =>
        Simulation.Trace.SelectMany(t => t.Commands.OfType<RecordEvent>().Select(e => (t.Time, e)));

    /// <summary>Every committed change, with the logical time it was committed at.</summary>
    public IEnumerable<(long Time, StoreChange Change)> Changes =>
        Simulation.Trace.SelectMany(t => t.Commands.OfType<Persist>().SelectMany(p => p.Changes).Select(c => (t.Time, c)));

    /// <summary>When a pod first got a deletionTimestamp, by pod name.</summary>
    public IReadOnlyDictionary<string, long> DeletionStarted =>
        Changes.Where(c => c.Change.Object is Pod { Metadata.IsBeingDeleted: true } && c.Change.Previous is Pod { Metadata.IsBeingDeleted: false })
            .GroupBy(c => c.Change.Object.Metadata.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Time, StringComparer.Ordinal);
}
