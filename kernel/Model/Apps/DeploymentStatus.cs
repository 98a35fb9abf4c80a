using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A Deployment's observed state, as <c>calculateStatus</c> computes it.</summary>
/// <param name="ObservedGeneration"><c>status.observedGeneration</c>: the <c>metadata.generation</c> the controller last acted on; the status is current only when the two are equal.</param>
/// <param name="Replicas"><c>status.replicas</c>: non-terminating pods across all the Deployment's ReplicaSets.</param>
/// <param name="UpdatedReplicas"><c>status.updatedReplicas</c>: non-terminating pods of the new ReplicaSet, the one with the current template.</param>
/// <param name="ReadyReplicas"><c>status.readyReplicas</c>: pods with <c>Ready=True</c> across all its ReplicaSets.</param>
/// <param name="AvailableReplicas"><c>status.availableReplicas</c>: pods <c>Ready</c> for at least <c>minReadySeconds</c>, across all its ReplicaSets.</param>
/// <param name="UnavailableReplicas"><c>status.unavailableReplicas</c>: the ReplicaSets' desired replicas minus <paramref name="AvailableReplicas"/>, never below 0.</param>
/// <param name="TerminatingReplicas"><c>status.terminatingReplicas</c>: pods being deleted that have not yet reached a terminal phase.</param>
/// <param name="Conditions"><c>status.conditions</c>: <c>Available</c>, <c>Progressing</c> and <c>ReplicaFailure</c>.</param>
/// <param name="CollisionCount"><c>status.collisionCount</c>: incremented when a new ReplicaSet's hash-derived name is taken by one with another template, to change the next name; null until the first collision.</param>
public sealed record DeploymentStatus(
    long ObservedGeneration = 0,
    int Replicas = 0,
    int UpdatedReplicas = 0,
    int ReadyReplicas = 0,
    int AvailableReplicas = 0,
    int UnavailableReplicas = 0,
    int TerminatingReplicas = 0,
    ValueList<Condition> Conditions = default,
    int? CollisionCount = null)
{
    /// <summary>The condition of <paramref name="type"/> (<c>Available</c>, <c>Progressing</c>, <c>ReplicaFailure</c>), or null when absent.</summary>
    public Condition? FindCondition(string type) => Conditions.FirstOrDefault(c => c.Type == type);
}
