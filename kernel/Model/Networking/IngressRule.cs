using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A host (exact or <c>*.</c> wildcard; empty for all hosts) and its HTTP paths.</summary>
public sealed record IngressRule(string? Host, ValueList<HttpIngressPath> Paths);
