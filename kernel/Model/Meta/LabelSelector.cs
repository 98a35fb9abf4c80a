using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A label selector: all <c>matchLabels</c> and all <c>matchExpressions</c> must hold (ANDed).</summary>
/// <remarks>An empty selector matches everything, as in Kubernetes' <c>LabelSelectorAsSelector</c>.</remarks>
public sealed record LabelSelector(ValueMap<string, string> MatchLabels, ValueList<LabelSelectorRequirement> MatchExpressions)
{
    public static LabelSelector Empty { get; } = new(default, default);

    public bool IsEmpty => MatchLabels.IsEmpty && MatchExpressions.IsEmpty;

    public static LabelSelector ForLabels(ValueMap<string, string> labels) => new(labels, default);

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
