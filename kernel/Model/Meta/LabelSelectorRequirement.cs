using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>One <c>matchExpressions</c> entry.</summary>
public sealed record LabelSelectorRequirement(string Key, LabelSelectorOperator Operator, ValueList<string> Values)
{
    public bool Matches(ValueMap<string, string> labels) => Operator switch
    {
        LabelSelectorOperator.In => labels.TryGetValue(Key, out var v) && Values.Contains(v),
        LabelSelectorOperator.NotIn => !labels.TryGetValue(Key, out var v) || !Values.Contains(v),
        LabelSelectorOperator.Exists => labels.ContainsKey(Key),
        LabelSelectorOperator.DoesNotExist => !labels.ContainsKey(Key),
        _ => false,
    };

    public override string ToString() => Operator switch
    {
        LabelSelectorOperator.In => $"{Key} in ({string.Join(",", Values)})",
        LabelSelectorOperator.NotIn => $"{Key} notin ({string.Join(",", Values)})",
        LabelSelectorOperator.Exists => Key,
        _ => "!" + Key,
    };
}
