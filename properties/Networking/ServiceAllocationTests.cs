using KubeKernel.Collections;
using KubeKernel.Events;
using KubeKernel.Model;
using static KubeKernel.Properties.Networking.Services;

namespace KubeKernel.Properties.Networking;

/// <summary>Allocation through the API server: what each service type gets, requested values, updates, type changes and release.</summary>
public class ServiceAllocationTests
{
    private static readonly ClusterState Fresh = ClusterState.Initial();

    [Fact]
    public void The_cluster_starts_with_default_kubernetes_on_the_first_address()
    {
        var svc = Fresh.Store.Get<Service>("default", "kubernetes")!;
        Assert.Equal("10.96.0.1", svc.Spec.ClusterIP);
        Assert.Equal(["10.96.0.1"], svc.Spec.ClusterIPs);
        Assert.Equal(new ServicePort("https", "TCP", 443, IntOrString.FromInt(6443)), svc.Spec.Ports.Single());
        var slice = Fresh.Store.Get<EndpointSlice>("default", "kubernetes")!;
        Assert.Equal(["172.18.0.1"], slice.Endpoints.Single().Addresses);
    }

    public static TheoryData<ServiceType, string?, string, string?> EachType => new()
    {
        { ServiceType.ClusterIP, null, "10.96.1.1", null },
        { ServiceType.ClusterIP, "None", "None", null },
        { ServiceType.NodePort, null, "10.96.1.1", "30086" },
        { ServiceType.LoadBalancer, null, "10.96.1.1", "30086" },
    };

    [Theory]
    [MemberData(nameof(EachType))]
    public void Each_service_type_gets_its_allocations(ServiceType type, string? requestedIP, string clusterIP, string? nodePort)
    {
        var (_, svc) = Accept(Fresh, Of("web", type).With(s => s with { ClusterIP = requestedIP }));
        Assert.Equal(clusterIP, svc.Spec.ClusterIP);
        Assert.Equal([clusterIP], svc.Spec.ClusterIPs);
        Assert.Equal(["IPv4"], svc.Spec.IPFamilies);
        Assert.Equal(nodePort, svc.Spec.Ports[0].NodePort?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_ExternalName_service_gets_no_cluster_IP_and_no_families()
    {
        var (_, svc) = Accept(Fresh, Of("db", ServiceType.ExternalName).With(s => s with { ExternalName = "db.example.com", Ports = default, Selector = default }));
        Assert.Null(svc.Spec.ClusterIP);
        Assert.True(svc.Spec.ClusterIPs.IsEmpty);
        Assert.True(svc.Spec.IPFamilies.IsEmpty);
    }

    [Fact]
    public void A_requested_node_port_that_is_taken_is_rejected_with_the_exact_text_and_nothing_changes()
    {
        var (state, _) = Accept(Fresh, Of("web", ServiceType.NodePort, Port(80, nodePort: 30080)));
        var (after, result) = Submit(state, Of("api", ServiceType.NodePort, Port(80, nodePort: 30080)));
        Assert.Equal(422, result.Code);
        Assert.Equal("Service \"api\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated", result.Message);
        Assert.Equal(state, after);
    }

    public static TheoryData<int, string> OutOfRange => new()
    {
        { 29999, "Service \"web\" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767" },
        { 32768, "Service \"web\" is invalid: spec.ports[0].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_requested_node_port_outside_the_range_is_rejected(int port, string message)
    {
        var (after, result) = Submit(Fresh, Of("web", ServiceType.NodePort, Port(80, nodePort: port)));
        Assert.Equal(message, result.Message);
        Assert.Equal(Fresh, after);
    }

    [Fact]
    public void A_requested_cluster_IP_that_is_taken_is_rejected_with_the_exact_text()
    {
        var (state, _) = Accept(Fresh, Of("dns").With(s => s with { ClusterIP = "10.96.0.10" }));
        var (after, result) = Submit(state, Of("other").With(s => s with { ClusterIP = "10.96.0.10" }));
        Assert.Equal("Service \"other\" is invalid: spec.clusterIPs: Invalid value: [\"10.96.0.10\"]: failed to allocate IP 10.96.0.10: provided IP is already allocated", result.Message);
        Assert.Equal(state, after);
        var (_, outside) = Submit(state, Of("far").With(s => s with { ClusterIP = "10.0.0.5" }));
        Assert.Equal("Service \"far\" is invalid: spec.clusterIPs: Invalid value: [\"10.0.0.5\"]: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12", outside.Message);
    }

    [Fact]
    public void A_TCP_and_UDP_port_pair_shares_one_node_port_but_two_TCP_ports_may_not()
    {
        var dns = Of("dns", ServiceType.NodePort, Port(53, name: "dns-udp", protocol: "UDP"), Port(53, name: "dns-tcp"));
        var (_, svc) = Accept(Fresh, dns);
        Assert.Equal([30086, 30086], svc.Spec.Ports.Select(p => p.NodePort!.Value));

        var twice = Of("web", ServiceType.NodePort, Port(80, nodePort: 30080, name: "http"), Port(81, nodePort: 30080, name: "alt"));
        var (after, result) = Submit(Fresh, twice);
        Assert.Equal("Service \"web\" is invalid: spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated", result.Message);
        Assert.Equal(Fresh, after);
    }

    [Fact]
    public void Reapplying_the_same_manifest_keeps_the_allocations_and_writes_nothing()
    {
        var manifest = Of("web", ServiceType.NodePort, Port(80, name: "http"), Port(443, name: "https"));
        var (state, first) = Accept(Fresh, manifest);
        var (again, second) = Accept(state, manifest);
        Assert.Equal(first, second);
        Assert.Equal(state.Store, again.Store);
    }

    [Fact]
    public void Removing_a_port_releases_its_node_port_and_adding_one_allocates_the_lowest_free()
    {
        var (state, _) = Accept(Fresh, Of("web", ServiceType.NodePort, Port(80, name: "http"), Port(443, name: "https")));
        (state, var fewer) = Accept(state, Of("web", ServiceType.NodePort, Port(443, name: "https")));
        Assert.Equal(30087, fewer.Spec.Ports.Single().NodePort);
        var (_, other) = Accept(state, Of("api", ServiceType.NodePort));
        Assert.Equal(30086, other.Spec.Ports.Single().NodePort);
    }

    [Fact]
    public void Changing_the_type_to_ClusterIP_releases_the_node_ports_for_the_next_service()
    {
        var (state, web) = Accept(Fresh, Of("web", ServiceType.NodePort));
        (state, var back) = Accept(state, web.With(s => s with { Type = ServiceType.ClusterIP }), SubmitVerb.Update);
        Assert.Null(back.Spec.Ports.Single().NodePort);
        Assert.Null(back.Spec.ExternalTrafficPolicy);
        Assert.Equal(web.Spec.ClusterIP, back.Spec.ClusterIP);
        var (_, api) = Accept(state, Of("api", ServiceType.NodePort));
        Assert.Equal(30086, api.Spec.Ports.Single().NodePort);
    }

    [Fact]
    public void ExternalName_and_back_releases_and_reallocates_the_cluster_IP()
    {
        var (state, web) = Accept(Fresh, Of("web"));
        (state, var external) = Accept(state, web.With(s => s with { Type = ServiceType.ExternalName, ExternalName = "web.example.com" }), SubmitVerb.Update);
        Assert.Null(external.Spec.ClusterIP);
        (state, _) = Accept(state, Of("api"));
        Assert.Equal("10.96.1.1", state.Store.Get<Service>("default", "api")!.Spec.ClusterIP);
        var (_, back) = Accept(state, external.With(s => s with { Type = ServiceType.ClusterIP, ExternalName = null }), SubmitVerb.Update);
        Assert.Equal("10.96.1.2", back.Spec.ClusterIP);
    }

    [Fact]
    public void Applying_a_manifest_that_turns_a_service_into_ExternalName_drops_the_server_set_cluster_IP()
    {
        var (state, _) = Accept(Fresh, Of("web"));
        var (_, external) = Accept(state, Of("web", ServiceType.ExternalName).With(s => s with { ExternalName = "web.example.com" }));
        Assert.Null(external.Spec.ClusterIP);
        Assert.True(external.Spec.ClusterIPs.IsEmpty);
        Assert.True(external.Spec.IPFamilies.IsEmpty);
    }

    [Fact]
    public void A_cluster_IP_may_not_change_once_set()
    {
        var (state, web) = Accept(Fresh, Of("web"));
        var (after, result) = Submit(state, web.With(s => s with { ClusterIP = "10.96.1.9", ClusterIPs = ["10.96.1.9"] }), SubmitVerb.Update);
        Assert.Equal("Service \"web\" is invalid: spec.clusterIPs[0]: Invalid value: [\"10.96.1.9\"]: may not change once set", result.Message);
        Assert.Equal(state, after);
    }

    [Fact]
    public void Deleting_a_service_releases_its_values_and_the_next_create_reuses_them()
    {
        var (state, web) = Accept(Fresh, Of("web", ServiceType.NodePort));
        (state, _) = Delete(state, "web");
        var (_, again) = Accept(state, Of("api", ServiceType.NodePort));
        Assert.Equal(web.Spec.ClusterIP, again.Spec.ClusterIP);
        Assert.Equal(web.Spec.Ports[0].NodePort, again.Spec.Ports[0].NodePort);
    }

    [Fact]
    public void A_load_balancer_without_node_ports_gets_only_the_ones_it_asks_for()
    {
        var svc = Of("lb", ServiceType.LoadBalancer, Port(80, name: "http"), Port(443, name: "https", nodePort: 30443))
            .With(s => s with { AllocateLoadBalancerNodePorts = false });
        var (_, stored) = Accept(Fresh, svc);
        Assert.Equal([null, 30443], stored.Spec.Ports.Select(p => p.NodePort));
    }

    [Fact]
    public void A_local_traffic_load_balancer_gets_a_health_check_node_port_which_a_type_change_releases()
    {
        var (state, lb) = Accept(Fresh, Of("lb", ServiceType.LoadBalancer).With(s => s with { ExternalTrafficPolicy = "Local" }));
        Assert.Equal(30086, lb.Spec.Ports.Single().NodePort);
        Assert.Equal(30087, lb.Spec.HealthCheckNodePort);
        (state, var nodePort) = Accept(state, lb.With(s => s with { Type = ServiceType.NodePort }), SubmitVerb.Update);
        Assert.Null(nodePort.Spec.HealthCheckNodePort);
        var (_, next) = Accept(state, Of("api", ServiceType.NodePort));
        Assert.Equal(30087, next.Spec.Ports.Single().NodePort);
    }

    [Fact]
    public void An_exhausted_node_port_range_is_an_internal_error()
    {
        var small = ClusterState.Initial(ClusterConfig.Default with { ServiceNodePortRange = new KubeKernel.Networking.PortRange(30000, 30000) });
        var (state, _) = Accept(small, Of("web", ServiceType.NodePort));
        var (after, result) = Submit(state, Of("api", ServiceType.NodePort));
        Assert.Equal(500, result.Code);
        Assert.Equal("Internal error occurred: failed to allocate a nodePort: range is full", result.Message);
        Assert.Equal(state, after);
    }

    public static TheoryData<Service, string> Invalid => new()
    {
        { Of("web", ServiceType.ClusterIP, Port(80, nodePort: 30080)), "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'" },
        { Of("web", ServiceType.NodePort).With(s => s with { ClusterIP = "None" }), "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services" },
        { Of("web").With(s => s with { ExternalTrafficPolicy = "Local" }), "spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for externally-accessible services" },
        { Of("web").With(s => s with { SessionAffinity = "ClientIP", SessionAffinityTimeoutSeconds = 0 }), "spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400" },
        { Of("web").With(s => s with { LoadBalancerClass = "example.com/lb" }), "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'" },
        { Of("web", ServiceType.ClusterIP, Port(80, target: IntOrString.FromString("http--x"))), "spec.ports[0].targetPort: Invalid value: \"http--x\": must not contain consecutive hyphens" },
        { Of("web").With(s => s with { ClusterIP = "10.96.1.300" }), "spec.clusterIPs[0]: Invalid value: \"10.96.1.300\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)" },
        { Of("web").With(s => s with { IPFamilies = ["IPv6"] }), "spec.ipFamilies[0]: Invalid value: \"IPv6\": not configured on this cluster" },
        { Of("db", ServiceType.ExternalName).With(s => s with { ExternalName = "db.example.com", ClusterIP = "10.96.0.20" }), "spec.clusterIPs: Forbidden: may not be set for ExternalName services" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_services_are_rejected_with_Kubernetes_causes(Service svc, string cause)
    {
        var (after, result) = Submit(Fresh, svc);
        Assert.Equal(422, result.Code);
        Assert.Contains(cause, result.Message);
        Assert.Equal(Fresh, after);
    }
}
