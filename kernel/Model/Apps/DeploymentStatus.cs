using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A Deployment's observed state, as <c>calculateStatus</c> computes it.</summary>
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
    public Condition? FindCondition(string type) => Conditions.FirstOrDefault(c => c.Type == type);
}
