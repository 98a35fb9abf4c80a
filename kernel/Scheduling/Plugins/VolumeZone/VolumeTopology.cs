using System.Collections.Immutable;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>Where a bound volume's data lives: a topology label key and the zones (or regions) it allows.</summary>
internal sealed record VolumeTopology(string Volume, string Key, ImmutableSortedSet<string> Values);
