using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Scheduling;

/// <summary>A label selector flattened into arrays for the scheduler's hot loops (<c>labels.Selector</c>).</summary>
/// <remarks>
/// Same meaning as <see cref="LabelSelector.Matches"/>: every <c>matchLabels</c> pair and every expression must hold; an
/// empty selector matches everything. A term without a selector matches nothing, so callers keep a null for that.
/// </remarks>
internal sealed class CompiledSelector
{
    private readonly string[] keys;
    private readonly string[] values;
    private readonly LabelSelectorRequirement[] requirements;

    public CompiledSelector(LabelSelector selector)
    {
        Source = selector;
        keys = [.. selector.MatchLabels.Keys];
        values = [.. selector.MatchLabels.Values];
        requirements = [.. selector.MatchExpressions];
    }

    public LabelSelector Source { get; }

    public bool IsEmpty => keys.Length == 0 && requirements.Length == 0;

    /// <summary>The first <c>matchLabels</c> pair (in key order), which every matching label set carries; null when there is none.</summary>
    public (string Key, string Value)? FirstPair => keys.Length == 0 ? null : (keys[0], values[0]);

    public bool Matches(ValueMap<string, string> labels)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (!labels.TryGetValue(keys[i], out var actual) || !string.Equals(actual, values[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var requirement in requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Source.ToString();
}
