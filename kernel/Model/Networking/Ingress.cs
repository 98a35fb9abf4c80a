namespace KubeKernel.Model;

/// <summary>An Ingress: HTTP routing by host and path to services.</summary>
public sealed record Ingress(ObjectMeta Metadata, IngressSpec Spec, ServiceStatus Status) : KubeObject(Metadata), IKind
{
    public static KindInfo KindInfo => Kinds.Ingress;

    public override KindInfo Info => Kinds.Ingress;

    public override object? SpecValue => Spec;

    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((Ingress)source).Status };
}
