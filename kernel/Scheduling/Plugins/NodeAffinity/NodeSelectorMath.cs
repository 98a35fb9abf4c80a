using System.Globalization;
using KubeKernel.Api.Validation;
using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>Node selector matching (<c>nodeaffinity.NodeSelector</c>, <c>GetRequiredNodeAffinity</c>).</summary>
/// <remarks>
/// Terms are ORed, a term's expressions ANDed, and an empty term matches no node. <c>spec.nodeSelector</c> is ANDed
/// with the required terms. Gt and Lt compare the label and the single value as integers; a label that is not an
/// integer matches nothing. Field expressions compare <c>metadata.name</c> (any other field reads as empty) with In
/// and NotIn.
///
/// Kubernetes parses each term into a label selector and a field selector first (<c>newNodeSelectorTerm</c>), and a
/// term that does not parse matches no node, whatever the node: a key that is not a qualified name, a value that is
/// not a label value, In or NotIn without values, Exists or DoesNotExist with values, Gt or Lt without exactly one
/// integer, a field expression without exactly one value or with another operator.
///
/// | node labels    | expression                            | matches                     |
/// |----------------|---------------------------------------|-----------------------------|
/// | zone=a         | zone In (a, b)                        | yes                         |
/// | (none)         | zone NotIn (a)                        | yes                         |
/// | gpu-count=4    | gpu-count Gt (2)                      | yes                         |
/// | gpu-count=four | gpu-count Gt (2)                      | no                          |
/// | disk=ssd       | disk DoesNotExist                     | no                          |
/// | foo=bar        | foo NotIn ("invalid value: ___@#$%^") | no: the term does not parse |
/// | foo=bar        | foo Exists (bar)                      | no: the term does not parse |
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

    /// <summary>A term's expressions and field expressions are ANDed; a term with neither, or one that does not parse, matches nothing.</summary>
    public static bool Matches(NodeSelectorTerm term, Node node)
    {
        if ((term.MatchExpressions.IsEmpty && term.MatchFields.IsEmpty) || !Parses(term))
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
            // fields.Set of a node holds metadata.name only; a missing field reads as "".
            var actual = field.Key == "metadata.name" ? node.Metadata.Name : string.Empty;
            var matches = field.Operator == NodeSelectorOperator.In ? actual == field.Values[0] : actual != field.Values[0];
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Would Kubernetes parse the term (<c>nodeSelectorRequirementsAsSelector</c> with <c>labels.NewRequirement</c>, and
    /// <c>nodeSelectorRequirementsAsFieldSelector</c>)?
    /// </summary>
    public static bool Parses(NodeSelectorTerm term) =>
        term.MatchExpressions.All(Parses) &&
        term.MatchFields.All(f => f.Operator is NodeSelectorOperator.In or NodeSelectorOperator.NotIn && f.Values.Count == 1);

    private static bool Parses(NodeSelectorRequirement requirement)
    {
        var count = requirement.Values.Count;
        var arity = requirement.Operator switch
        {
            NodeSelectorOperator.In or NodeSelectorOperator.NotIn => count > 0,
            NodeSelectorOperator.Exists or NodeSelectorOperator.DoesNotExist => count == 0,
            NodeSelectorOperator.Gt or NodeSelectorOperator.Lt => count == 1 && long.TryParse(requirement.Values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            _ => false,
        };
        return arity && NameValidation.IsQualifiedName(requirement.Key) && requirement.Values.All(NameValidation.IsLabelValue);
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
