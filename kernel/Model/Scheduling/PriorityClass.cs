namespace KubeKernel.Model;

/// <summary>A PriorityClass (scheduling.k8s.io/v1): maps a class name to the integer priority pods of that class get.</summary>
/// <remarks>
/// User classes are limited to 1 000 000 000; the built-in <c>system-cluster-critical</c> (2 000 000 000) and
/// <c>system-node-critical</c> (2 000 001 000) are always known to admission. A <c>globalDefault</c> class
/// gives its value to pods that name no class.
/// </remarks>
/// <param name="Metadata">The class's metadata; pods name it in <c>spec.priorityClassName</c>.</param>
/// <param name="Value"><c>value</c>: the priority pods of this class get; higher pods are scheduled first and may preempt lower ones. Immutable.</param>
/// <param name="GlobalDefault"><c>globalDefault</c>: pods that name no class get this class; at most one class may set it.</param>
/// <param name="PreemptionPolicy"><c>preemptionPolicy</c>: copied to the class's pods; defaulted to <c>PreemptLowerPriority</c>. Immutable.</param>
/// <param name="Description"><c>description</c>: free text saying when to use the class.</param>
public sealed record PriorityClass(ObjectMeta Metadata, int Value, bool GlobalDefault = false, PreemptionPolicy? PreemptionPolicy = null, string? Description = null)
    : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.PriorityClass;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.PriorityClass;

    /// <summary>PriorityClass has no spec: value and policy are immutable top-level fields, so generation never moves.</summary>
    public override object? SpecValue => null;

    /// <summary>This class unchanged: a PriorityClass has no status.</summary>
    public override KubeObject WithStatusOf(KubeObject source) => this;
}
