using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Networking;
using static KubeKernel.Properties.Networking.Services;

namespace KubeKernel.Properties.Networking;

/// <summary>The kube-proxy model: the rules a node gets for a service and its endpoints.</summary>
public class ProxyMathTests
{
    private static readonly Service Web = Of("web", ServiceType.NodePort, Port(80, nodePort: 30086, target: IntOrString.FromInt(8080)))
        .With(s => s with { ClusterIP = "10.96.1.1", ExternalTrafficPolicy = "Cluster", InternalTrafficPolicy = "Cluster" });

    private static Endpoint Ep(string ip, string node, bool ready = true, bool serving = true, bool terminating = false) =>
        new([ip], new EndpointConditions(ready, serving, terminating), null, node, null, null);

    private static EndpointSlice Slice(params Endpoint[] endpoints) =>
        new(new ObjectMeta { Name = "web-abcde", Namespace = "default", Labels = ValueMap.Of((EndpointSliceLabels.ServiceName, "web")) }, "IPv4", [.. endpoints], [new EndpointPort(string.Empty, "TCP", 8080)]);

    private static string Rules(Service svc, string node, params Endpoint[] endpoints) =>
        string.Join(" | ", ProxyMath.RulesFor(svc, [Slice(endpoints)], node));

    [Fact]
    public void A_NodePort_service_gets_a_ClusterIP_rule_and_a_node_port_rule_to_the_ready_endpoints()
    {
        Assert.Equal(
            "10.96.1.1:80/TCP → 10.244.0.2:8080, 10.244.1.2:8080 | *:30086/TCP → 10.244.0.2:8080, 10.244.1.2:8080",
            Rules(Web, "node-1", Ep("10.244.1.2", "node-2"), Ep("10.244.0.2", "node-1"), Ep("10.244.2.2", "node-3", ready: false, serving: false)));
    }

    public static TheoryData<string, string, string, string> TrafficPolicies => new()
    {
        // external policy, internal policy, node → rules (node-1 runs 10.244.0.2, node-2 runs 10.244.1.2)
        { "Local", "Cluster", "node-1", "10.96.1.1:80/TCP → 10.244.0.2:8080, 10.244.1.2:8080 | *:30086/TCP → 10.244.0.2:8080" },
        { "Local", "Cluster", "node-3", "10.96.1.1:80/TCP → 10.244.0.2:8080, 10.244.1.2:8080 | *:30086/TCP → reject (no endpoints)" },
        { "Cluster", "Local", "node-2", "10.96.1.1:80/TCP → 10.244.1.2:8080 | *:30086/TCP → 10.244.0.2:8080, 10.244.1.2:8080" },
        { "Cluster", "Local", "node-3", "10.96.1.1:80/TCP → reject (no endpoints) | *:30086/TCP → 10.244.0.2:8080, 10.244.1.2:8080" },
    };

    /// <summary>Every node's entry is what RulesFor gives that node, whether the rules are shared (no Local policy) or per node.</summary>
    [Theory]
    [InlineData("Cluster", "Cluster")]
    [InlineData("Local", "Cluster")]
    [InlineData("Cluster", "Local")]
    [InlineData("Local", "Local")]
    public void Rules_by_node_are_each_nodes_own_rules(string external, string @internal)
    {
        var svc = Web.With(s => s with { ExternalTrafficPolicy = external, InternalTrafficPolicy = @internal });
        var slice = Slice(Ep("10.244.0.2", "node-1"), Ep("10.244.1.2", "node-2"));
        var nodes = new[] { "node-1", "node-2", "node-3" }.Select(n => new Node(ObjectMeta.Named(n), new NodeSpec(false, default), new NodeStatus(default, default, default, default, default)));
        var store = nodes.Cast<KubeObject>().Append(svc).Append(slice).Aggregate(KubeKernel.Store.ObjectStore.Empty, (s, o) => s.Put(o).Store);
        var byNode = ProxyMath.RulesByNode(ClusterState.Initial() with { Store = store }, svc.Key);

        Assert.Equal(3, byNode.Count);
        foreach (var node in new[] { "node-1", "node-2", "node-3" })
        {
            Assert.Equal(string.Join(" | ", ProxyMath.RulesFor(svc, [slice], node)), string.Join(" | ", byNode[node]));
        }
    }

    [Theory]
    [MemberData(nameof(TrafficPolicies))]
    public void Local_traffic_policies_keep_traffic_on_the_node(string external, string @internal, string node, string rules) =>
        Assert.Equal(rules, Rules(Web.With(s => s with { ExternalTrafficPolicy = external, InternalTrafficPolicy = @internal }), node, Ep("10.244.0.2", "node-1"), Ep("10.244.1.2", "node-2")));

    [Fact]
    public void With_no_ready_endpoint_traffic_falls_back_to_serving_terminating_ones()
    {
        Assert.Equal(
            "10.96.1.1:80/TCP → 10.244.0.2:8080 | *:30086/TCP → 10.244.0.2:8080",
            Rules(Web, "node-2", Ep("10.244.0.2", "node-1", ready: false, terminating: true), Ep("10.244.1.2", "node-2", ready: false, serving: false, terminating: true)));
        Assert.Equal(
            "10.96.1.1:80/TCP → 10.244.1.2:8080 | *:30086/TCP → 10.244.1.2:8080",
            Rules(Web, "node-2", Ep("10.244.0.2", "node-1", ready: false, terminating: true), Ep("10.244.1.2", "node-2")));
    }

    [Fact]
    public void ClientIP_affinity_is_carried_on_every_rule()
    {
        var sticky = Web.With(s => s with { SessionAffinity = "ClientIP", SessionAffinityTimeoutSeconds = 10800 });
        Assert.All(ProxyMath.RulesFor(sticky, [Slice(Ep("10.244.0.2", "node-1"))], "node-1"), r => Assert.Equal(10800, r.AffinitySeconds));
    }

    [Fact]
    public void A_load_balancer_IP_forwards_like_the_node_port()
    {
        var lb = Web with { Spec = Web.Spec with { Type = ServiceType.LoadBalancer }, Status = new ServiceStatus([new LoadBalancerIngress("203.0.113.1", null)]) };
        Assert.Equal(
            "10.96.1.1:80/TCP → 10.244.0.2:8080 | *:30086/TCP → 10.244.0.2:8080 | 203.0.113.1:80/TCP → 10.244.0.2:8080",
            Rules(lb, "node-1", Ep("10.244.0.2", "node-1")));
    }

    [Fact]
    public void Headless_and_ExternalName_services_are_not_proxied()
    {
        Assert.Empty(ProxyMath.RulesFor(Web.With(s => s with { ClusterIP = "None", Type = ServiceType.ClusterIP }), [Slice(Ep("10.244.0.2", "node-1"))], "node-1"));
        Assert.Empty(ProxyMath.RulesFor(Web.With(s => s with { ClusterIP = null, Type = ServiceType.ExternalName }), [], "node-1"));
    }

    [Fact]
    public void Only_slice_ports_with_the_service_port_name_and_protocol_give_backends()
    {
        var named = Web.With(s => s with { Ports = [Port(80, name: "http", nodePort: 30086)] });
        Assert.Equal("10.96.1.1:80/TCP → reject (no endpoints) | *:30086/TCP → reject (no endpoints)", Rules(named, "node-1", Ep("10.244.0.2", "node-1")));
    }
}
