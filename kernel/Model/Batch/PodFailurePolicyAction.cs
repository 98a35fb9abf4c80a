namespace KubeKernel.Model;

/// <summary>What a matching pod failure policy rule does.</summary>
public enum PodFailurePolicyAction
{
    FailJob,
    FailIndex,
    Ignore,
    Count,
}
