using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>An EndpointSlice: up to 100 endpoints of one service, one address family and one port list.</summary>
public sealed record EndpointSlice(
    ObjectMeta Metadata,
    string AddressType,
    ValueList<Endpoint> Endpoints,
    ValueList<EndpointPort> Ports) : KubeObject(Metadata), IKind
{
    public static KindInfo KindInfo => Kinds.EndpointSlice;

    public override KindInfo Info => Kinds.EndpointSlice;

    /// <summary>EndpointSlices have no spec/status split; every write is a plain update.</summary>
    public override object? SpecValue => null;

    public override KubeObject WithStatusOf(KubeObject source) => this;
}
