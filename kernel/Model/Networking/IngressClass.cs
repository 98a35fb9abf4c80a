namespace KubeKernel.Model;

/// <summary>An IngressClass: which controller implements Ingresses of this class; the annotation <c>ingressclass.kubernetes.io/is-default-class: "true"</c> makes it the default.</summary>
/// <param name="Metadata">The class's metadata; Ingresses name it in <c>spec.ingressClassName</c>.</param>
/// <param name="Controller"><c>spec.controller</c>: the controller that implements the class, e.g. <c>k8s.io/ingress-nginx</c>; immutable.</param>
public sealed record IngressClass(ObjectMeta Metadata, string Controller) : KubeObject(Metadata), IKind
{
    /// <summary>The annotation that marks the cluster's default class.</summary>
    public const string IsDefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.IngressClass;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.IngressClass;

    /// <summary><c>spec.controller</c>, the only spec field modelled.</summary>
    public override object? SpecValue => Controller;

    /// <summary>This class unchanged: an IngressClass has no status.</summary>
    public override KubeObject WithStatusOf(KubeObject source) => this;

    /// <summary>Whether the class carries <c>ingressclass.kubernetes.io/is-default-class: "true"</c>; admission gives Ingresses without a class the default one.</summary>
    public bool IsDefault => Metadata.Annotations.GetValueOrDefault(IsDefaultClassAnnotation) == "true";
}
