namespace KubeKernel.Scheduling;

/// <summary>A plugin enabled in a profile, with its score weight (0 for plugins that do not score).</summary>
/// <param name="Plugin">The plugin; it runs at every extension point whose interface it implements.</param>
/// <param name="Weight">What the plugin's normalised score (0–100) is multiplied by before the scores are summed; 0 for plugins that do not score.</param>
public sealed record PluginEntry(ISchedulingPlugin Plugin, int Weight = 0);
