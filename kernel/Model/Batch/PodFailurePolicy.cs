using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A Job's pod failure policy: the first matching rule wins; no match counts the failure.</summary>
/// <param name="Rules"><c>rules</c>: checked in order against each failed pod; at most 20.</param>
public sealed record PodFailurePolicy(ValueList<PodFailurePolicyRule> Rules);
