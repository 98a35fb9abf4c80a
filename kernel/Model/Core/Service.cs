namespace KubeKernel.Model;

/// <summary>A Service: a stable virtual address (or DNS name) in front of a set of pods.</summary>
/// <param name="Metadata">The Service's metadata; its name is the DNS name <c>name.namespace.svc</c>.</param>
/// <param name="Spec">The Service's spec: type, selector, ports and the addresses the API server allocated.</param>
/// <param name="Status">The Service's status: the load balancer, for type <c>LoadBalancer</c>.</param>
public sealed record Service(ObjectMeta Metadata, ServiceSpec Spec, ServiceStatus Status) : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.Service;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.Service;

    /// <inheritdoc/>
    public override object? SpecValue => Spec;

    /// <inheritdoc/>
    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((Service)source).Status };
}
