using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A ReplicaSet's observed counts and conditions.</summary>
public sealed record ReplicaSetStatus(
    int Replicas = 0,
    int FullyLabeledReplicas = 0,
    int ReadyReplicas = 0,
    int AvailableReplicas = 0,
    int TerminatingReplicas = 0,
    long ObservedGeneration = 0,
    ValueList<Condition> Conditions = default);
