using System.Collections.Immutable;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>A node where removing <see cref="Victims"/> (most important first) lets the preemptor fit.</summary>
internal sealed record PreemptionCandidate(string Node, ImmutableArray<PodInfo> Victims);
