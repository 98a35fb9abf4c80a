namespace KubeKernel.Model;

/// <summary>One status condition (Pod, Node, Deployment, ReplicaSet, Job) with logical-time timestamps.</summary>
/// <remarks>
/// <c>LastUpdateTime</c> carries the kind's second timestamp: Deployment <c>lastUpdateTime</c>, Node
/// <c>lastHeartbeatTime</c>, Pod and Job <c>lastProbeTime</c>.
/// </remarks>
/// <param name="Type">The condition type, e.g. <c>Ready</c>, <c>Available</c>, <c>Progressing</c> or <c>Complete</c>; unique within one object's conditions.</param>
/// <param name="Status">Whether the condition holds: <c>True</c>, <c>False</c> or <c>Unknown</c>.</param>
/// <param name="Reason">A one-word, CamelCase cause for the last transition (e.g. <c>MinimumReplicasAvailable</c>); may be empty.</param>
/// <param name="Message">A human-readable explanation of the last transition; may be empty.</param>
/// <param name="LastTransitionTime"><c>lastTransitionTime</c>: logical milliseconds at which <paramref name="Status"/> last changed, not merely when the condition was last written.</param>
/// <param name="LastUpdateTime">The kind's second timestamp in logical milliseconds (see remarks); null when the kind has none or it was never set.</param>
public sealed record Condition(
    string Type,
    ConditionStatus Status,
    string Reason,
    string Message,
    long LastTransitionTime,
    long? LastUpdateTime = null)
{
    /// <summary>Whether <see cref="Status"/> is <c>True</c>; <c>Unknown</c> counts as not true.</summary>
    public bool IsTrue => Status == ConditionStatus.True;
}
