using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A Job's pod failure policy: the first matching rule wins; no match counts the failure.</summary>
public sealed record PodFailurePolicy(ValueList<PodFailurePolicyRule> Rules);
