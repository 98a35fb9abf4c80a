namespace KubeKernel.Model;

/// <summary>Matches a pod condition of a type and status.</summary>
/// <param name="Type">The pod condition type, typically <c>DisruptionTarget</c>.</param>
/// <param name="Status">The status the condition must have.</param>
public sealed record PodFailurePolicyOnPodCondition(string Type, ConditionStatus Status);
