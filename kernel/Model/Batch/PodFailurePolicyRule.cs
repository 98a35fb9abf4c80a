using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>One rule: an action on exit codes or on pod conditions.</summary>
public sealed record PodFailurePolicyRule(
    PodFailurePolicyAction Action,
    PodFailurePolicyOnExitCodes? OnExitCodes,
    ValueList<PodFailurePolicyOnPodCondition> OnPodConditions);
