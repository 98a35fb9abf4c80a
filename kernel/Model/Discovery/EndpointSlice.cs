using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>An EndpointSlice: up to 100 endpoints of one service, one address family and one port list.</summary>
/// <param name="Metadata">The slice's metadata; controller-made slices carry the <c>kubernetes.io/service-name</c> label and the Service as owner.</param>
/// <param name="AddressType"><c>addressType</c>: <c>IPv4</c>, <c>IPv6</c> or <c>FQDN</c>; immutable. Slices this kernel makes are <c>IPv4</c>.</param>
/// <param name="Endpoints"><c>endpoints</c>: the backends, up to 100 per slice by default.</param>
/// <param name="Ports"><c>ports</c>: the ports every endpoint in the slice serves; pods that resolve a named port differently land in different slices.</param>
public sealed record EndpointSlice(
    ObjectMeta Metadata,
    string AddressType,
    ValueList<Endpoint> Endpoints,
    ValueList<EndpointPort> Ports) : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.EndpointSlice;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.EndpointSlice;

    /// <summary>EndpointSlices have no spec/status split; every write is a plain update.</summary>
    public override object? SpecValue => null;

    /// <summary>This slice unchanged: an EndpointSlice has no status.</summary>
    public override KubeObject WithStatusOf(KubeObject source) => this;
}
