namespace KubeKernel.Model;

/// <summary>A Service: a stable virtual address (or DNS name) in front of a set of pods.</summary>
public sealed record Service(ObjectMeta Metadata, ServiceSpec Spec, ServiceStatus Status) : KubeObject(Metadata), IKind
{
    public static KindInfo KindInfo => Kinds.Service;

    public override KindInfo Info => Kinds.Service;

    public override object? SpecValue => Spec;

    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((Service)source).Status };
}
