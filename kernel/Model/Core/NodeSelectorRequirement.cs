using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>One node selector expression.</summary>
public sealed record NodeSelectorRequirement(string Key, NodeSelectorOperator Operator, ValueList<string> Values);
