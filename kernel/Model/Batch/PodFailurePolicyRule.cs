using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>One rule: an action on exit codes or on pod conditions.</summary>
/// <param name="Action">What happens when the rule matches.</param>
/// <param name="OnExitCodes"><c>onExitCodes</c>: match on a container's exit code; null when the rule matches on pod conditions.</param>
/// <param name="OnPodConditions"><c>onPodConditions</c>: match when the pod has any of these conditions; empty when the rule matches on exit codes.</param>
public sealed record PodFailurePolicyRule(
    PodFailurePolicyAction Action,
    PodFailurePolicyOnExitCodes? OnExitCodes,
    ValueList<PodFailurePolicyOnPodCondition> OnPodConditions);
