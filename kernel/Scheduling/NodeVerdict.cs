using KubeKernel.Collections;

namespace KubeKernel.Scheduling;

/// <summary>One node's part in a decision: the filter that rejected it, or its per-plugin weighted scores and total.</summary>
public sealed record NodeVerdict(string Node, Status? Rejection, ValueMap<string, long> Scores, long Total);
