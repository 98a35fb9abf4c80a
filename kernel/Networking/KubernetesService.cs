using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Networking;

/// <summary>The <c>default/kubernetes</c> Service and its EndpointSlice, which the API server creates at start.</summary>
/// <remarks>
/// kube-apiserver's bootstrap controller creates the service with the first address of the service CIDR
/// (10.96.0.1 by default) and port 443 → 6443, and its endpoint reconciler keeps one EndpointSlice, also
/// named <c>kubernetes</c>, pointing at the API server's advertised address. The service has no selector,
/// so the EndpointSlice controller leaves that slice alone.
/// </remarks>
internal static class KubernetesService
{
    public const string Name = "kubernetes";
    public const string PortName = "https";
    public const int Port = 443;

    public static ObjectStore Bootstrap(ObjectStore store, ClusterConfig config)
    {
        var ip = IPv4.Format(ClusterIPAllocator.FirstAddress(config.ServiceClusterIPRange));
        var service = new Service(
            new ObjectMeta
            {
                Name = Name,
                Namespace = "default",
                Uid = Identity.Uid(store.Revision + 1),
                Generation = 1,
                Labels = ValueMap.Of(("component", "apiserver"), ("provider", "kubernetes")),
            },
            new ServiceSpec
            {
                Ports = [new ServicePort(PortName, "TCP", Port, IntOrString.FromInt(config.ApiServerSecurePort))],
                ClusterIP = ip,
                ClusterIPs = [ip],
                IPFamilies = ["IPv4"],
                InternalTrafficPolicy = "Cluster",
            },
            ServiceStatus.Empty);
        store = store.Put(service).Store;
        var slice = new EndpointSlice(
            new ObjectMeta
            {
                Name = Name,
                Namespace = "default",
                Uid = Identity.Uid(store.Revision + 1),
                Generation = 1,
                Labels = ValueMap.Of((EndpointSliceLabels.ServiceName, Name)),
            },
            "IPv4",
            [new Endpoint([config.ApiServerAdvertiseAddress], new EndpointConditions(true, null, null), null, null, null, null)],
            [new EndpointPort(PortName, "TCP", config.ApiServerSecurePort)]);
        return store.Put(slice).Store;
    }
}
