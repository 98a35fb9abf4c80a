using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Invariants.Oracles;

/// <summary>Which lifecycle state a node or a Deployment is in, read off its status for the invariants alone.</summary>
/// <remarks>
/// A node's health is its <c>Ready</c> condition (True ready, Unknown unknown, anything else or none not ready); a
/// Deployment's rollout state is its <c>Progressing</c> condition's reason (<c>NewReplicaSetAvailable</c> complete,
/// <c>ProgressDeadlineExceeded</c> past its deadline, <c>DeploymentPaused</c> paused, anything else progressing), as
/// <c>kubectl rollout status</c> reads them.
/// </remarks>
internal static class LifecycleStates
{
    public static NodeHealth HealthOf(Node node) =>
        node.Status.Conditions.FirstOrDefault(c => c.Type == "Ready")?.Status switch
        {
            ConditionStatus.True => NodeHealth.Ready,
            ConditionStatus.Unknown => NodeHealth.Unknown,
            _ => NodeHealth.NotReady,
        };

    public static RolloutState RolloutStateOf(ValueList<Condition> conditions) =>
        conditions.FirstOrDefault(c => c.Type == "Progressing")?.Reason switch
        {
            "NewReplicaSetAvailable" => RolloutState.Complete,
            "ProgressDeadlineExceeded" => RolloutState.DeadlineExceeded,
            "DeploymentPaused" => RolloutState.Paused,
            _ => RolloutState.Progressing,
        };
}
