namespace KubeKernel.Model;

/// <summary>A Node: a machine that runs pods, with its capacity, taints and health conditions.</summary>
public sealed record Node(ObjectMeta Metadata, NodeSpec Spec, NodeStatus Status) : KubeObject(Metadata), IKind
{
    public static KindInfo KindInfo => Kinds.Node;

    public override KindInfo Info => Kinds.Node;

    public override object? SpecValue => Spec;

    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((Node)source).Status };

    public Condition? ReadyCondition => Status.Conditions.FirstOrDefault(c => c.Type == NodeConditionTypes.Ready);

    public bool IsReady => ReadyCondition?.IsTrue == true;
}
