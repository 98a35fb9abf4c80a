namespace KubeKernel.Model;

/// <summary>A PriorityClass (scheduling.k8s.io/v1): maps a class name to the integer priority pods of that class get.</summary>
/// <remarks>
/// User classes are limited to 1 000 000 000; the built-in <c>system-cluster-critical</c> (2 000 000 000) and
/// <c>system-node-critical</c> (2 000 001 000) are always known to admission. A <c>globalDefault</c> class
/// gives its value to pods that name no class.
/// </remarks>
public sealed record PriorityClass(ObjectMeta Metadata, int Value, bool GlobalDefault = false, PreemptionPolicy? PreemptionPolicy = null, string? Description = null)
    : KubeObject(Metadata), IKind
{
    public static KindInfo KindInfo => Kinds.PriorityClass;

    public override KindInfo Info => Kinds.PriorityClass;

    /// <summary>PriorityClass has no spec: value and policy are immutable top-level fields, so generation never moves.</summary>
    public override object? SpecValue => null;

    public override KubeObject WithStatusOf(KubeObject source) => this;
}
