namespace KubeKernel.Model;

/// <summary>An Ingress: HTTP routing by host and path to services.</summary>
/// <param name="Metadata">The Ingress's metadata.</param>
/// <param name="Spec">The routing rules.</param>
/// <param name="Status"><c>status.loadBalancer.ingress</c>, which has the same shape as a Service's: where the ingress controller can be reached.</param>
public sealed record Ingress(ObjectMeta Metadata, IngressSpec Spec, ServiceStatus Status) : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.Ingress;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.Ingress;

    /// <inheritdoc/>
    public override object? SpecValue => Spec;

    /// <inheritdoc/>
    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((Ingress)source).Status };
}
