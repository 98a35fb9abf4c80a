using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>One node selector expression.</summary>
/// <param name="Key">The node label key, or for a field expression the field (only <c>metadata.name</c> is supported).</param>
/// <param name="Operator">How the label or field is tested.</param>
/// <param name="Values">The values: several for <c>In</c>/<c>NotIn</c>, exactly one integer for <c>Gt</c>/<c>Lt</c>, none for <c>Exists</c>/<c>DoesNotExist</c>.</param>
public sealed record NodeSelectorRequirement(string Key, NodeSelectorOperator Operator, ValueList<string> Values);
