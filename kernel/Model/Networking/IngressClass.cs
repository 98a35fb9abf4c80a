namespace KubeKernel.Model;

/// <summary>An IngressClass: which controller implements Ingresses of this class; the annotation <c>ingressclass.kubernetes.io/is-default-class: "true"</c> makes it the default.</summary>
public sealed record IngressClass(ObjectMeta Metadata, string Controller) : KubeObject(Metadata), IKind
{
    /// <summary>The annotation that marks the cluster's default class.</summary>
    public const string IsDefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    public static KindInfo KindInfo => Kinds.IngressClass;

    public override KindInfo Info => Kinds.IngressClass;

    public override object? SpecValue => Controller;

    public override KubeObject WithStatusOf(KubeObject source) => this;

    public bool IsDefault => Metadata.Annotations.GetValueOrDefault(IsDefaultClassAnnotation) == "true";
}
