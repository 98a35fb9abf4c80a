using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Scheduling.Plugins;
using static KubeKernel.Properties.Scheduling.Cluster;

namespace KubeKernel.Properties.Scheduling;

/// <summary>
/// Required node affinity matched as k8s.io/component-helpers' <c>nodeaffinity</c> matches it, with the rows of its
/// tests: a term that does not parse into selectors matches no node.
/// </summary>
public class NodeSelectorExamples
{
    private static NodeSelectorRequirement Expression(string key, NodeSelectorOperator op, params string[] values) => new(key, op, [.. values]);

    private static NodeSelectorTerm Term(params NodeSelectorRequirement[] expressions) => new([.. expressions], default);

    private static NodeSelectorTerm Fields(params NodeSelectorRequirement[] fields) => new(default, [.. fields]);

    private static Pod Requiring(params NodeSelectorTerm[] terms) =>
        Pod("p").With(s => s with { Affinity = new Affinity(new KubeKernel.Model.NodeAffinity([.. terms], default), null, null) });

    private static bool Matches(Pod pod, ValueMap<string, string> labels = default, string nodeName = "node") =>
        NodeSelectorMath.MatchesRequired(pod, Node(nodeName, labels: labels));

    /// <summary>TestPodMatchesNodeSelectorAndAffinityTerms (nodeaffinity_test.go): pod, node labels, node name, whether the pod fits.</summary>
    public static TheoryData<string, Pod, ValueMap<string, string>, string, bool> PodMatchesNodeSelectorAndAffinityTerms => new()
    {
        { "no selector", Pod("p"), default, "node", true },
        { "missing labels", Pod("p").With(s => s with { NodeSelector = ValueMap.Of(("foo", "bar")) }), default, "node", false },
        { "same labels", Pod("p").With(s => s with { NodeSelector = ValueMap.Of(("foo", "bar")) }), ValueMap.Of(("foo", "bar")), "node", true },
        { "node labels are superset", Pod("p").With(s => s with { NodeSelector = ValueMap.Of(("foo", "bar")) }), ValueMap.Of(("foo", "bar"), ("baz", "blah")), "node", true },
        { "node labels are subset", Pod("p").With(s => s with { NodeSelector = ValueMap.Of(("foo", "bar"), ("baz", "blah")) }), ValueMap.Of(("foo", "bar")), "node", false },
        {
            "Pod with matchExpressions using In operator that matches the existing node",
            Requiring(Term(Expression("foo", NodeSelectorOperator.In, "bar", "value2"))), ValueMap.Of(("foo", "bar")), "node", true
        },
        {
            "Pod with matchExpressions using Gt operator that matches the existing node",
            Requiring(Term(Expression("kernel-version", NodeSelectorOperator.Gt, "0204"))), ValueMap.Of(("kernel-version", "0206")), "node", true
        },
        {
            "Pod with matchExpressions using NotIn operator that matches the existing node",
            Requiring(Term(Expression("mem-type", NodeSelectorOperator.NotIn, "DDR", "DDR2"))), ValueMap.Of(("mem-type", "DDR3")), "node", true
        },
        {
            "Pod with matchExpressions using Exists operator that matches the existing node",
            Requiring(Term(Expression("GPU", NodeSelectorOperator.Exists))), ValueMap.Of(("GPU", "NVIDIA-GRID-K1")), "node", true
        },
        {
            "Pod with affinity that don't match node's labels won't schedule onto the node",
            Requiring(Term(Expression("foo", NodeSelectorOperator.In, "value1", "value2"))), ValueMap.Of(("foo", "bar")), "node", false
        },
        {
            "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
            Requiring(Term()), ValueMap.Of(("foo", "bar")), "node", false
        },
        {
            "Pod with multiple matchExpressions ANDed that matches the existing node",
            Requiring(Term(Expression("GPU", NodeSelectorOperator.Exists), Expression("GPU", NodeSelectorOperator.NotIn, "AMD", "INTER"))),
            ValueMap.Of(("GPU", "NVIDIA-GRID-K1")), "node", true
        },
        {
            "Pod with multiple matchExpressions ANDed that doesn't match the existing node",
            Requiring(Term(Expression("GPU", NodeSelectorOperator.Exists), Expression("GPU", NodeSelectorOperator.In, "AMD", "INTER"))),
            ValueMap.Of(("GPU", "NVIDIA-GRID-K1")), "node", false
        },
        {
            "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
            Requiring(Term(Expression("foo", NodeSelectorOperator.In, "bar", "value2")), Term(Expression("diffkey", NodeSelectorOperator.In, "wrong", "value2"))),
            ValueMap.Of(("foo", "bar")), "node", true
        },
        {
            "Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node",
            Requiring(Term(Expression("foo", NodeSelectorOperator.Exists))).With(s => s with { NodeSelector = ValueMap.Of(("foo", "bar")) }),
            ValueMap.Of(("foo", "bar")), "node", true
        },
        {
            "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
            Requiring(Term(Expression("foo", NodeSelectorOperator.Exists))).With(s => s with { NodeSelector = ValueMap.Of(("foo", "bar")) }),
            ValueMap.Of(("foo", "barrrrrr")), "node", false
        },
        {
            "Pod with an invalid value in Affinity term won't be scheduled onto the node",
            Requiring(Term(Expression("foo", NodeSelectorOperator.NotIn, "invalid value: ___@#$%^"))), ValueMap.Of(("foo", "bar")), "node", false
        },
        {
            "Pod with matchFields using In operator that matches the existing node",
            Requiring(Fields(Expression("metadata.name", NodeSelectorOperator.In, "node_1"))), default, "node_1", true
        },
        {
            "Pod with matchFields using In operator that does not match the existing node",
            Requiring(Fields(Expression("metadata.name", NodeSelectorOperator.In, "node_1"))), default, "node_2", false
        },
        {
            "Pod with two terms: matchFields does not match, but matchExpressions matches",
            Requiring(Fields(Expression("metadata.name", NodeSelectorOperator.In, "node_1")), Term(Expression("foo", NodeSelectorOperator.In, "bar"))),
            ValueMap.Of(("foo", "bar")), "node_2", true
        },
        {
            "Pod with one term: matchFields does not match, but matchExpressions matches",
            Requiring(new NodeSelectorTerm([Expression("foo", NodeSelectorOperator.In, "bar")], [Expression("metadata.name", NodeSelectorOperator.In, "node_1")])),
            ValueMap.Of(("foo", "bar")), "node_2", false
        },
        {
            "Pod with one term: both matchFields and matchExpressions match",
            Requiring(new NodeSelectorTerm([Expression("foo", NodeSelectorOperator.In, "bar")], [Expression("metadata.name", NodeSelectorOperator.In, "node_1")])),
            ValueMap.Of(("foo", "bar")), "node_1", true
        },
        {
            "Pod with two terms: both matchFields and matchExpressions do not match",
            Requiring(Fields(Expression("metadata.name", NodeSelectorOperator.In, "node_1")), Term(Expression("foo", NodeSelectorOperator.In, "not-match-to-bar"))),
            ValueMap.Of(("foo", "bar")), "node_2", false
        },
    };

    [Theory]
    [MemberData(nameof(PodMatchesNodeSelectorAndAffinityTerms))]
    public void TestPodMatchesNodeSelectorAndAffinityTerms(string name, Pod pod, ValueMap<string, string> labels, string nodeName, bool fits) =>
        Assert.True(fits == Matches(pod, labels, nodeName), name);

    /// <summary>
    /// TestNodeSelectorMatch and TestNodeSelectorRequirementsAsSelector (nodeaffinity_test.go): the terms whose parse
    /// Kubernetes reports as an error match no node, and the terms that parse still match on their own.
    /// </summary>
    public static TheoryData<string, NodeSelectorTerm, bool> TermsThatDoNotParse => new()
    {
        { "invalid field selector: matchFields In with two values", Fields(Expression("metadata.name", NodeSelectorOperator.In, "host_1", "host_2")), false },
        { "invalid label selector: a key that is not a qualified name", Term(Expression("invalid key", NodeSelectorOperator.In, "label_value")), false },
        { "Exists with values", Term(Expression("foo", NodeSelectorOperator.Exists, "bar", "baz")), false },
        { "In without values", Term(Expression("foo", NodeSelectorOperator.In)), false },
        { "Gt with a value that is not an integer", Term(Expression("foo", NodeSelectorOperator.Gt, "one")), false },
        { "Lt with two values", Term(Expression("foo", NodeSelectorOperator.Lt, "7", "8")), false },
        { "Gt with a negative value, which is not a label value", Term(Expression("foo", NodeSelectorOperator.Gt, "-1")), false },
        { "matchFields with Exists", Fields(Expression("metadata.name", NodeSelectorOperator.Exists)), false },
        { "foo>1 parses, but foo=bar is not an integer", Term(Expression("foo", NodeSelectorOperator.Gt, "1")), false },
        { "bar<7 parses and matches bar=3", Term(Expression("bar", NodeSelectorOperator.Lt, "7")), true },
        { "foo in (baz,bar) parses and matches foo=bar", Term(Expression("foo", NodeSelectorOperator.In, "bar", "baz")), true },
        { "node matches field selector and label selector", new NodeSelectorTerm([Expression("label_1", NodeSelectorOperator.In, "label_1_val")], [Expression("metadata.name", NodeSelectorOperator.In, "host_1")]), true },
        { "node matches field selector, but not labels", new NodeSelectorTerm([Expression("label_1", NodeSelectorOperator.In, "other")], [Expression("metadata.name", NodeSelectorOperator.In, "host_1")]), false },
    };

    [Theory]
    [MemberData(nameof(TermsThatDoNotParse))]
    public void TestNodeSelectorMatch(string name, NodeSelectorTerm term, bool matches) =>
        Assert.True(matches == Matches(Requiring(term), ValueMap.Of(("foo", "bar"), ("bar", "3"), ("label_1", "label_1_val")), "host_1"), name);

    [Fact]
    public void A_term_that_does_not_parse_leaves_the_other_terms_to_match()
    {
        // TestNodeSelectorMatch's "second term matches", with an unparsable first term instead of a non-matching one.
        var pod = Requiring(Term(Expression("foo", NodeSelectorOperator.NotIn, "invalid value: ___@#$%^")), Fields(Expression("metadata.name", NodeSelectorOperator.In, "host_1")));
        Assert.True(Matches(pod, ValueMap.Of(("foo", "bar")), "host_1"));
        Assert.False(Matches(pod, ValueMap.Of(("foo", "bar")), "host_2"));
    }
}
