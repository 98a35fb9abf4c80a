namespace KubeKernel.Model;

/// <summary>Matches a pod condition of a type and status.</summary>
public sealed record PodFailurePolicyOnPodCondition(string Type, ConditionStatus Status);
