using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A Namespace: a scope for names; <c>Terminating</c> while its content is removed.</summary>
public sealed record Namespace(ObjectMeta Metadata, ValueList<string> SpecFinalizers, NamespacePhase Phase) : KubeObject(Metadata), IKind
{
    public static KindInfo KindInfo => Kinds.Namespace;

    public override KindInfo Info => Kinds.Namespace;

    public override object? SpecValue => SpecFinalizers;

    public override KubeObject WithStatusOf(KubeObject source) => this with { Phase = ((Namespace)source).Phase };
}
