namespace KubeKernel.Model;

/// <summary>A Pod: one or more containers scheduled together on a node.</summary>
public sealed record Pod(ObjectMeta Metadata, PodSpec Spec, PodStatus Status) : KubeObject(Metadata), IKind
{
    public static KindInfo KindInfo => Kinds.Pod;

    public override KindInfo Info => Kinds.Pod;

    public override object? SpecValue => Spec;

    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((Pod)source).Status };

    public bool IsBound => !string.IsNullOrEmpty(Spec.NodeName);

    public bool IsTerminal => Status.Phase is StateMachines.PodPhase.Succeeded or StateMachines.PodPhase.Failed;

    /// <summary>Not terminal and not being deleted: what ReplicaSets and Jobs count (<c>FilterActivePods</c>).</summary>
    public bool IsActive => !IsTerminal && !Metadata.IsBeingDeleted;

    public bool IsReady => Status.FindCondition(PodConditionTypes.Ready)?.IsTrue == true;
}
