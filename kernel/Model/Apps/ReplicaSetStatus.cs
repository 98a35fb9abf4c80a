using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A ReplicaSet's observed counts and conditions.</summary>
/// <param name="Replicas"><c>status.replicas</c>: active pods, i.e. neither terminal nor being deleted.</param>
/// <param name="FullyLabeledReplicas"><c>status.fullyLabeledReplicas</c>: active pods whose labels include every label of the template.</param>
/// <param name="ReadyReplicas"><c>status.readyReplicas</c>: active pods with <c>Ready=True</c>.</param>
/// <param name="AvailableReplicas"><c>status.availableReplicas</c>: active pods <c>Ready</c> for at least <c>minReadySeconds</c>.</param>
/// <param name="TerminatingReplicas"><c>status.terminatingReplicas</c>: pods being deleted that have not yet reached a terminal phase.</param>
/// <param name="ObservedGeneration"><c>status.observedGeneration</c>: the <c>metadata.generation</c> the controller last acted on.</param>
/// <param name="Conditions"><c>status.conditions</c>: <c>ReplicaFailure</c> while creating or deleting pods fails.</param>
public sealed record ReplicaSetStatus(
    int Replicas = 0,
    int FullyLabeledReplicas = 0,
    int ReadyReplicas = 0,
    int AvailableReplicas = 0,
    int TerminatingReplicas = 0,
    long ObservedGeneration = 0,
    ValueList<Condition> Conditions = default);
