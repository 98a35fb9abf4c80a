namespace KubeKernel.Model;

/// <summary>A Node: a machine that runs pods, with its capacity, taints and health conditions.</summary>
/// <param name="Metadata">The node's metadata; its labels (<c>kubernetes.io/hostname</c>, <c>topology.kubernetes.io/zone</c>, …) are what node selectors and topology keys read.</param>
/// <param name="Spec">The node's spec: cordon, taints, pod CIDR.</param>
/// <param name="Status">The node's status, posted by its kubelet.</param>
public sealed record Node(ObjectMeta Metadata, NodeSpec Spec, NodeStatus Status) : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.Node;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.Node;

    /// <inheritdoc/>
    public override object? SpecValue => Spec;

    /// <inheritdoc/>
    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((Node)source).Status };

    /// <summary>The node's <c>Ready</c> condition, or null before its kubelet has reported one.</summary>
    public Condition? ReadyCondition => Status.Conditions.FirstOrDefault(c => c.Type == NodeConditionTypes.Ready);

    /// <summary>Whether the <c>Ready</c> condition is <c>True</c>; <c>False</c>, <c>Unknown</c> and missing all count as not ready.</summary>
    public bool IsReady => ReadyCondition?.IsTrue == true;
}
