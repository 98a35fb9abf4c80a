using KubeKernel.Collections;
using KubeKernel.Invariants;
using KubeKernel.Model;
using KubeKernel.Networking;
using static KubeKernel.Properties.Networking.Services;

namespace KubeKernel.Properties.Regressions;

/// <summary>Cases the service properties found, pinned by hand (the generators have changed since).</summary>
public class ServiceRegressions
{
    /// <summary>
    /// Found by <c>Allocation_invariants_hold_after_every_request…</c> (seed 15526301567908541624,9326414636911864967):
    /// an ExternalName service was stored with node port 32768, outside the range and never allocated, because Kubernetes
    /// validates node ports only for ClusterIP services. The kernel now refuses them for ExternalName as well.
    /// </summary>
    [Fact]
    public void An_ExternalName_service_may_not_hold_a_node_port()
    {
        var (state, _) = Accept(ClusterState.Initial(), Of("web", ServiceType.NodePort));
        var external = Of("b", ServiceType.ExternalName, Port(80, nodePort: 30086)).With(s => s with { ExternalName = "b.example.com" });
        var (after, result) = Submit(state, external);
        Assert.Equal("Service \"b\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ExternalName'", result.Message);
        Assert.Equal(state, after);
    }

    /// <summary>
    /// Found by <c>Endpoints_and_proxy_rules_match_the_pods…</c> (seed 2963293911924692338,8204584300880148315): with
    /// <c>internalTrafficPolicy: Local</c> a node whose only local endpoint is terminating but serving sends traffic there
    /// even though other nodes have ready endpoints — kube-proxy's fallback — and the invariant wrongly called that stale.
    /// </summary>
    [Fact]
    public void A_local_policy_falls_back_to_a_serving_terminating_local_endpoint_while_others_are_ready()
    {
        var svc = Of("web").With(s => s with { ClusterIP = "10.96.1.1", InternalTrafficPolicy = "Local" });
        var slice = new EndpointSlice(
            new ObjectMeta { Name = "web-x", Namespace = "default", Labels = ValueMap.Of((EndpointSliceLabels.ServiceName, "web")) },
            "IPv4",
            [
                new Endpoint(["10.244.0.2"], new EndpointConditions(false, true, true), null, "node-1", null, null),
                new Endpoint(["10.244.1.2"], new EndpointConditions(true, true, false), null, "node-2", null, null),
            ],
            [new EndpointPort(string.Empty, "TCP", 80)]);
        var rules = ProxyMath.RulesFor(svc, [slice], "node-1");
        Assert.Equal("10.96.1.1:80/TCP → 10.244.0.2:80", rules.Single().ToString());

        var state = ClusterState.Initial();
        var store = state.Store.Put(svc).Store.Put(slice).Store.Put(Node("node-1")).Store;
        var memory = KubeProxyMemory.Empty.With("default/web", ValueMap<string, ValueList<ProxyRule>>.Empty.SetItem("node-1", rules));
        state = state with { Store = store, Memory = state.Memory.SetItem(KubeProxyController.Name, memory) };
        Assert.DoesNotContain(NetworkingInvariants.ProxyRulesMatchEndpoints.Violations(null, state), v => v.Contains("default/web", StringComparison.Ordinal));
    }
}
