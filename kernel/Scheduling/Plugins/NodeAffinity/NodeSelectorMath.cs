using System.Globalization;
using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>Node selector matching (<c>nodeaffinity.NodeSelector</c>, <c>GetRequiredNodeAffinity</c>).</summary>
/// <remarks>
/// Terms are ORed, a term's expressions ANDed, and an empty term matches no node. <c>spec.nodeSelector</c> is ANDed
/// with the required terms. Gt and Lt compare the label and the single value as integers; a value that is not an
/// integer matches nothing. Field expressions support <c>metadata.name</c> with In and NotIn.
///
/// | node labels            | expression               | matches |
/// |------------------------|--------------------------|---------|
/// | zone=a                 | zone In (a, b)           | yes     |
/// | (none)                 | zone NotIn (a)           | yes     |
/// | gpu-count=4            | gpu-count Gt (2)         | yes     |
/// | gpu-count=four         | gpu-count Gt (2)         | no      |
/// | disk=ssd               | disk DoesNotExist        | no      |
/// </remarks>
internal static class NodeSelectorMath
{
    /// <summary>Does the node satisfy the pod's <c>nodeSelector</c> and required node affinity (no required terms: any node)?</summary>
    public static bool MatchesRequired(Pod pod, Node node) =>
        MatchesSelector(pod.Spec.NodeSelector, node.Metadata.Labels) &&
        (pod.Spec.Affinity?.NodeAffinity?.RequiredTerms is not { IsEmpty: false } terms || MatchesAny(terms, node));

    public static bool MatchesSelector(ValueMap<string, string> selector, ValueMap<string, string> labels)
    {
        if (selector.IsEmpty)
        {
            return true;
        }

        foreach (var (key, value) in selector)
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The terms are ORed; no terms match no node.</summary>
    public static bool MatchesAny(IEnumerable<NodeSelectorTerm> terms, Node node)
    {
        foreach (var term in terms)
        {
            if (Matches(term, node))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A term's expressions and field expressions are ANDed; a term with neither matches nothing.</summary>
    public static bool Matches(NodeSelectorTerm term, Node node)
    {
        if (term.MatchExpressions.IsEmpty && term.MatchFields.IsEmpty)
        {
            return false;
        }

        foreach (var requirement in term.MatchExpressions)
        {
            if (!Matches(requirement, node.Metadata.Labels))
            {
                return false;
            }
        }

        foreach (var field in term.MatchFields)
        {
            var matches = field.Key == "metadata.name" && field.Operator switch
            {
                NodeSelectorOperator.In => field.Values.Contains(node.Metadata.Name),
                NodeSelectorOperator.NotIn => !field.Values.Contains(node.Metadata.Name),
                _ => false,
            };
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    public static bool Matches(NodeSelectorRequirement requirement, ValueMap<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        return requirement.Operator switch
        {
            NodeSelectorOperator.In => present && requirement.Values.Contains(value!),
            NodeSelectorOperator.NotIn => !present || !requirement.Values.Contains(value!),
            NodeSelectorOperator.Exists => present,
            NodeSelectorOperator.DoesNotExist => !present,
            NodeSelectorOperator.Gt => present && Compare(value!, requirement.Values) is > 0,
            NodeSelectorOperator.Lt => present && Compare(value!, requirement.Values) is < 0,
            _ => false,
        };
    }

    private static int? Compare(string label, ValueList<string> values) =>
        values.Count == 1 &&
        long.TryParse(label, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual) &&
        long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bound)
            ? actual.CompareTo(bound)
            : null;
}
