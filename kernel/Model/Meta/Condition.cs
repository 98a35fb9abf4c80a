namespace KubeKernel.Model;

/// <summary>One status condition (Pod, Node, Deployment, ReplicaSet, Job) with logical-time timestamps.</summary>
/// <remarks>
/// <c>LastUpdateTime</c> carries the kind's second timestamp: Deployment <c>lastUpdateTime</c>, Node
/// <c>lastHeartbeatTime</c>, Pod and Job <c>lastProbeTime</c>.
/// </remarks>
public sealed record Condition(
    string Type,
    ConditionStatus Status,
    string Reason,
    string Message,
    long LastTransitionTime,
    long? LastUpdateTime = null)
{
    public bool IsTrue => Status == ConditionStatus.True;
}
