using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A label selector: all <c>matchLabels</c> and all <c>matchExpressions</c> must hold (ANDed).</summary>
/// <remarks>An empty selector matches everything, as in Kubernetes' <c>LabelSelectorAsSelector</c>.</remarks>
/// <param name="MatchLabels"><c>matchLabels</c>: each key must be present with exactly this value.</param>
/// <param name="MatchExpressions"><c>matchExpressions</c>: set-based requirements that must all hold.</param>
public sealed record LabelSelector(ValueMap<string, string> MatchLabels, ValueList<LabelSelectorRequirement> MatchExpressions)
{
    /// <summary>The selector with no requirements, which matches every set of labels.</summary>
    public static LabelSelector Empty { get; } = new(default, default);

    /// <summary>True when there are neither <c>matchLabels</c> nor <c>matchExpressions</c>, so the selector matches everything.</summary>
    public bool IsEmpty => MatchLabels.IsEmpty && MatchExpressions.IsEmpty;

    /// <summary>A selector that requires exactly <paramref name="labels"/> (<c>matchLabels</c> only), as a Service's <c>spec.selector</c> does.</summary>
    public static LabelSelector ForLabels(ValueMap<string, string> labels) => new(labels, default);

    /// <summary>Whether <paramref name="labels"/> satisfy every <c>matchLabels</c> pair and every <c>matchExpressions</c> requirement.</summary>
    public bool Matches(ValueMap<string, string> labels)
    {
        foreach (var (key, value) in MatchLabels)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var requirement in MatchExpressions)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>kubectl's selector text, e.g. <c>app=web,tier in (front)</c>.</summary>
    public override string ToString() =>
        string.Join(",", MatchLabels.Select(p => $"{p.Key}={p.Value}").Concat(MatchExpressions.Select(e => e.ToString())));
}
