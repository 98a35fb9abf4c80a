namespace KubeKernel.Model;

/// <summary>What a matching pod failure policy rule does.</summary>
public enum PodFailurePolicyAction
{
    /// <summary>Fail the whole Job at once (reason <c>PodFailurePolicy</c>); its running pods are deleted.</summary>
    FailJob,
    /// <summary>Fail only the pod's index of an Indexed Job; Kubernetes allows it only with <c>backoffLimitPerIndex</c>.</summary>
    FailIndex,
    /// <summary>Do not count the failure against <c>backoffLimit</c>; the pod is replaced.</summary>
    Ignore,
    /// <summary>Count the failure against <c>backoffLimit</c>, as if no rule had matched.</summary>
    Count,
}
