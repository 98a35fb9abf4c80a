namespace KubeKernel.Model;

/// <summary>The three-valued status of a condition.</summary>
public enum ConditionStatus
{
    True,
    False,
    Unknown,
}
