using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A Namespace: a scope for names; <c>Terminating</c> while its content is removed.</summary>
/// <param name="Metadata">The namespace's metadata; its name is the namespace.</param>
/// <param name="SpecFinalizers"><c>spec.finalizers</c>: defaulted to <c>kubernetes</c>, which the namespace controller removes once all content is deleted; only then is the namespace removed.</param>
/// <param name="Phase"><c>status.phase</c>: <c>Active</c>, or <c>Terminating</c> once its delete is accepted.</param>
public sealed record Namespace(ObjectMeta Metadata, ValueList<string> SpecFinalizers, NamespacePhase Phase) : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.Namespace;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.Namespace;

    /// <summary><c>spec.finalizers</c>, the only spec field of a Namespace.</summary>
    public override object? SpecValue => SpecFinalizers;

    /// <summary>This namespace with <paramref name="source"/>'s <c>status.phase</c>.</summary>
    public override KubeObject WithStatusOf(KubeObject source) => this with { Phase = ((Namespace)source).Phase };
}
