using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Properties.Model;

public class LabelSelectorTests
{
    private static readonly ValueMap<string, string> Labels = ValueMap.Of(("app", "web"), ("tier", "front"));

    public static TheoryData<string, LabelSelector, bool> Cases => new()
    {
        { "matchLabels all present", new LabelSelector(ValueMap.Of(("app", "web")), default), true },
        { "matchLabels value differs", new LabelSelector(ValueMap.Of(("app", "db")), default), false },
        { "In with the value", Expr("tier", LabelSelectorOperator.In, "front", "back"), true },
        { "In without the value", Expr("tier", LabelSelectorOperator.In, "back"), false },
        { "NotIn with the value", Expr("tier", LabelSelectorOperator.NotIn, "front"), false },
        { "NotIn on a missing key", Expr("zone", LabelSelectorOperator.NotIn, "a"), true },
        { "Exists", Expr("app", LabelSelectorOperator.Exists), true },
        { "Exists on a missing key", Expr("zone", LabelSelectorOperator.Exists), false },
        { "DoesNotExist on a missing key", Expr("zone", LabelSelectorOperator.DoesNotExist), true },
        { "DoesNotExist on a present key", Expr("app", LabelSelectorOperator.DoesNotExist), false },
        { "empty selector matches everything", LabelSelector.Empty, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Selectors_match_labels_as_Kubernetes_does(string name, LabelSelector selector, bool matches)
    {
        Assert.True(matches == selector.Matches(Labels), name);
    }

    [Fact]
    public void Expressions_and_labels_are_ANDed()
    {
        var selector = new LabelSelector(ValueMap.Of(("app", "web")), [new LabelSelectorRequirement("tier", LabelSelectorOperator.In, ["back"])]);
        Assert.False(selector.Matches(Labels));
    }

    private static LabelSelector Expr(string key, LabelSelectorOperator op, params string[] values) =>
        new(default, [new LabelSelectorRequirement(key, op, values.ToValueList())]);
}
