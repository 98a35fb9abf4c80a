using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary>Labels and label selectors as apimachinery prints them: sorted by key, in selector syntax.</summary>
/// <remarks>
/// | input                                            | text                          |
/// |--------------------------------------------------|-------------------------------|
/// | labels {tier: web, app: nginx}                   | <c>app=nginx,tier=web</c>     |
/// | selector matchLabels {app: web}, tier In (b, a)  | <c>app=web,tier in (a,b)</c>  |
/// | no labels (<see cref="FormatLabels"/>)           | <c>&lt;none&gt;</c>           |
/// | empty selector (<see cref="FormatLabelSelector"/>)| <c>&lt;none&gt;</c>          |
/// </remarks>
internal static class LabelText
{
    /// <summary><c>labels.FormatLabels</c>: <c>key=value</c> pairs sorted by key, or <c>&lt;none&gt;</c>.</summary>
    public static string FormatLabels(ValueMap<string, string> labels) =>
        labels.IsEmpty ? "<none>" : string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    /// <summary><c>metav1.FormatLabelSelector</c>: the selector's string, or <c>&lt;none&gt;</c> when it selects by nothing.</summary>
    public static string FormatLabelSelector(LabelSelector? selector) => Selector(selector) is { Length: > 0 } text ? text : "<none>";

    /// <summary><c>LabelSelectorAsSelector(selector).String()</c>: requirements sorted by key, values sorted; empty for a null or empty selector.</summary>
    public static string Selector(LabelSelector? selector)
    {
        if (selector is null)
        {
            return string.Empty;
        }

        var requirements = selector.MatchLabels.Select(l => (l.Key, Text: $"{l.Key}={l.Value}"))
            .Concat(selector.MatchExpressions.Select(e => (e.Key, Text: Requirement(e))));
        return string.Join(",", requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
    }

    private static string Requirement(LabelSelectorRequirement requirement)
    {
        var values = string.Join(",", requirement.Values.Order(StringComparer.Ordinal));
        return requirement.Operator switch
        {
            LabelSelectorOperator.In => $"{requirement.Key} in ({values})",
            LabelSelectorOperator.NotIn => $"{requirement.Key} notin ({values})",
            LabelSelectorOperator.Exists => requirement.Key,
            _ => "!" + requirement.Key,
        };
    }
}
