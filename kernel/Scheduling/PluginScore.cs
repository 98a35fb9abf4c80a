namespace KubeKernel.Scheduling;

/// <summary>One score plugin's part in one node's total: the raw score, the normalised score, and its weight.</summary>
internal sealed record PluginScore(string Plugin, int Weight, long Raw, long Normalized)
{
    public long Weighted => Normalized * Weight;
}
