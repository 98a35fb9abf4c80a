namespace KubeKernel.Scheduling;

/// <summary>A plugin enabled in a profile, with its score weight (0 for plugins that do not score).</summary>
public sealed record PluginEntry(ISchedulingPlugin Plugin, int Weight = 0);
