using KubeKernel.Scheduling.Plugins;

namespace KubeKernel.Scheduling;

/// <summary>A scheduling profile: the scheduler name it serves and its plugins, from which every extension point's list is derived.</summary>
/// <remarks>
/// A plugin takes part in each extension point whose interface it implements, in the order of <see cref="Plugins"/>.
/// <c>percentageOfNodesToScore</c> 0 means adaptive (<see cref="SchedulingMath.NumFeasibleNodesToFind"/>).
/// </remarks>
public sealed class SchedulerProfile
{
    public const string DefaultSchedulerName = "default-scheduler";

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

    public string SchedulerName { get; }

    public IReadOnlyList<PluginEntry> Plugins { get; }

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
