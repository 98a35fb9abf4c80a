namespace KubeKernel.Model;

/// <summary>The three-valued status of a condition.</summary>
public enum ConditionStatus
{
    /// <summary>The condition holds.</summary>
    True,
    /// <summary>The condition does not hold.</summary>
    False,
    /// <summary>The owner cannot tell, e.g. a Node's <c>Ready</c> after the kubelet stopped posting status.</summary>
    Unknown,
}
