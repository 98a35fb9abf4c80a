using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>One <c>matchExpressions</c> entry.</summary>
/// <param name="Key">The label key the requirement tests.</param>
/// <param name="Operator">How the label is tested.</param>
/// <param name="Values">The values for <c>In</c> and <c>NotIn</c> (non-empty); empty for <c>Exists</c> and <c>DoesNotExist</c>.</param>
public sealed record LabelSelectorRequirement(string Key, LabelSelectorOperator Operator, ValueList<string> Values)
{
    /// <summary>Whether <paramref name="labels"/> satisfy this requirement.</summary>
    public bool Matches(ValueMap<string, string> labels) => Operator switch
    {
        LabelSelectorOperator.In => labels.TryGetValue(Key, out var v) && Values.Contains(v),
        LabelSelectorOperator.NotIn => !labels.TryGetValue(Key, out var v) || !Values.Contains(v),
        LabelSelectorOperator.Exists => labels.ContainsKey(Key),
        LabelSelectorOperator.DoesNotExist => !labels.ContainsKey(Key),
        _ => false,
    };

    /// <summary>kubectl's selector text for this requirement: <c>tier in (front,back)</c>, <c>tier notin (db)</c>, <c>tier</c> or <c>!tier</c>.</summary>
    public override string ToString() => Operator switch
    {
        LabelSelectorOperator.In => $"{Key} in ({string.Join(",", Values)})",
        LabelSelectorOperator.NotIn => $"{Key} notin ({string.Join(",", Values)})",
        LabelSelectorOperator.Exists => Key,
        _ => "!" + Key,
    };
}
