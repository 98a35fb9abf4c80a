namespace KubeKernel.Model;

/// <summary>A Pod: one or more containers scheduled together on a node.</summary>
/// <param name="Metadata">The pod's metadata; its labels are what Services, ReplicaSets and Jobs select on.</param>
/// <param name="Spec">The pod's desired state; after creation only binding, container images, added tolerations and the grace period may change.</param>
/// <param name="Status">The pod's observed state, written by the scheduler and the kubelet.</param>
public sealed record Pod(ObjectMeta Metadata, PodSpec Spec, PodStatus Status) : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.Pod;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.Pod;

    /// <inheritdoc/>
    public override object? SpecValue => Spec;

    /// <inheritdoc/>
    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((Pod)source).Status };

    /// <summary>Whether <c>spec.nodeName</c> is set: the pod is bound to a node and no longer waits for the scheduler.</summary>
    public bool IsBound => !string.IsNullOrEmpty(Spec.NodeName);

    /// <summary>Whether <c>status.phase</c> is <c>Succeeded</c> or <c>Failed</c>, phases a pod never leaves.</summary>
    public bool IsTerminal => Status.Phase is StateMachines.PodPhase.Succeeded or StateMachines.PodPhase.Failed;

    /// <summary>Not terminal and not being deleted: what ReplicaSets and Jobs count (<c>FilterActivePods</c>).</summary>
    public bool IsActive => !IsTerminal && !Metadata.IsBeingDeleted;

    /// <summary>Whether the pod's <c>Ready</c> condition is <c>True</c>: what puts it in its Services' endpoints and counts it as ready for ReplicaSets and Jobs.</summary>
    public bool IsReady => Status.FindCondition(PodConditionTypes.Ready)?.IsTrue == true;
}
