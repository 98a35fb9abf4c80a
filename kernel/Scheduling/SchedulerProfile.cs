using KubeKernel.Scheduling.Plugins;

namespace KubeKernel.Scheduling;

/// <summary>A scheduling profile: the scheduler name it serves and its plugins, from which every extension point's list is derived.</summary>
/// <remarks>
/// A plugin takes part in each extension point whose interface it implements, in the order of <see cref="Plugins"/>.
/// <c>percentageOfNodesToScore</c> 0 means adaptive (<c>numFeasibleNodesToFind</c>): 50 − nodes/125 percent, at least
/// 5 %, and never fewer than 100 nodes.
/// </remarks>
public sealed class SchedulerProfile
{
    /// <summary><c>default-scheduler</c>: the <c>spec.schedulerName</c> the API server gives a pod that names none.</summary>
    public const string DefaultSchedulerName = "default-scheduler";

    /// <summary>A profile serving <paramref name="schedulerName"/> with <paramref name="plugins"/>, usually <see cref="DefaultPlugins.Create"/> edited.</summary>
    /// <param name="schedulerName">The <c>spec.schedulerName</c> of the pods this profile schedules.</param>
    /// <param name="plugins">The enabled plugins in extension-point order, with their score weights; names unique.</param>
    /// <param name="percentageOfNodesToScore">The share of nodes to find feasible before a cycle stops filtering: 0 adaptive, 100 or more every node.</param>
    /// <exception cref="ArgumentException">Two plugins share a name.</exception>
    public SchedulerProfile(string schedulerName, IReadOnlyList<PluginEntry> plugins, int percentageOfNodesToScore = 0)
    {
        SchedulerName = schedulerName;
        Plugins = plugins;
        PercentageOfNodesToScore = percentageOfNodesToScore;
        var duplicate = plugins.GroupBy(p => p.Plugin.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"plugin {duplicate.Key} is enabled twice", nameof(plugins));
        }

        PreFilters = [.. plugins.Select(p => p.Plugin).OfType<IPreFilterPlugin>()];
        Filters = [.. plugins.Select(p => p.Plugin).OfType<IFilterPlugin>()];
        PreScores = [.. plugins.Select(p => p.Plugin).OfType<IPreScorePlugin>()];
        Scores = [.. plugins.Where(p => p.Plugin is IScorePlugin).Select(p => ((IScorePlugin)p.Plugin, p.Weight))];
        PostFilters = [.. plugins.Select(p => p.Plugin).OfType<IPostFilterPlugin>()];
        EventsByPlugin = plugins.ToDictionary(p => p.Plugin.Name, p => p.Plugin.EventsToRegister, StringComparer.Ordinal);
    }

    /// <summary>The default profile: <c>default-scheduler</c> with LeastAllocated scoring.</summary>
    public static SchedulerProfile Default { get; } = new(DefaultSchedulerName, DefaultPlugins.Create(ScoringStrategy.LeastAllocated));

    /// <summary>The <c>spec.schedulerName</c> this profile serves, and the scheduler's component name in Events.</summary>
    public string SchedulerName { get; }

    /// <summary>The enabled plugins in the order every extension point runs them; the first rejecting filter is the one reported.</summary>
    public IReadOnlyList<PluginEntry> Plugins { get; }

    /// <summary><c>percentageOfNodesToScore</c>: 0 (the default) adaptive, 1–99 that share of the nodes but at least 100, 100 or more all nodes.</summary>
    public int PercentageOfNodesToScore { get; }

    internal IReadOnlyList<IPreFilterPlugin> PreFilters { get; }

    internal IReadOnlyList<IFilterPlugin> Filters { get; }

    internal IReadOnlyList<IPreScorePlugin> PreScores { get; }

    internal IReadOnlyList<(IScorePlugin Plugin, int Weight)> Scores { get; }

    internal IReadOnlyList<IPostFilterPlugin> PostFilters { get; }

    private IReadOnlyDictionary<string, ClusterEvents> EventsByPlugin { get; }

    /// <summary>This profile with NodeResourcesFit scoring by <paramref name="scoring"/> (MostAllocated, RequestedToCapacityRatio, …).</summary>
    public SchedulerProfile WithScoringStrategy(ScoringStrategy scoring) => new(
        SchedulerName,
        [.. Plugins.Select(p => p.Plugin is NodeResourcesFit ? p with { Plugin = new NodeResourcesFit(scoring) } : p)],
        PercentageOfNodesToScore);

    /// <summary>The events that may make a pod rejected by <paramref name="plugins"/> schedulable; every event when none is named.</summary>
    internal ClusterEvents EventsFor(IEnumerable<string> plugins)
    {
        var events = ClusterEvents.None;
        var any = false;
        foreach (var plugin in plugins)
        {
            any = true;
            events |= EventsByPlugin.TryGetValue(plugin, out var e) ? e : ClusterEvents.All;
        }

        return any ? events : ClusterEvents.All;
    }
}
