using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Networking;
using static KubeKernel.Properties.Networking.Services;

namespace KubeKernel.Properties.Networking;

/// <summary>The cluster DNS model: A records for ClusterIPs, endpoint records for headless services, CNAMEs for ExternalName.</summary>
public class DnsTests
{
    private static readonly ClusterState State = Build();

    private static ClusterState Build()
    {
        var state = ClusterState.Initial();
        (state, _) = Accept(state, Of("web"));
        (state, _) = Accept(state, Of("db").With(s => s with { ClusterIP = "None" }));
        (state, _) = Accept(state, Of("mail", ServiceType.ExternalName).With(s => s with { ExternalName = "mail.example.com.", Ports = default, Selector = default }));
        var slice = new EndpointSlice(
            new ObjectMeta { Name = "db-x2k8q", Namespace = "default", Labels = ValueMap.Of((EndpointSliceLabels.ServiceName, "db")) },
            "IPv4",
            [
                new Endpoint(["10.244.1.5"], new EndpointConditions(true, true, false), "db-1", "node-2", null, null),
                new Endpoint(["10.244.0.5"], new EndpointConditions(true, true, false), "db-0", "node-1", null, null),
                new Endpoint(["10.244.2.5"], new EndpointConditions(false, false, false), "db-2", "node-3", null, null),
            ],
            [new EndpointPort(string.Empty, "TCP", 80)]);
        return state with { Store = state.Store.Put(slice).Store };
    }

    public static TheoryData<string, string> Names => new()
    {
        { "web.default.svc.cluster.local", "web.default.svc.cluster.local A 10.96.1.1" },
        { "WEB.Default.svc.cluster.local.", "web.default.svc.cluster.local A 10.96.1.1" },
        { "kubernetes.default.svc.cluster.local", "kubernetes.default.svc.cluster.local A 10.96.0.1" },
        { "db.default.svc.cluster.local", "db.default.svc.cluster.local A 10.244.0.5\ndb.default.svc.cluster.local A 10.244.1.5" },
        { "db-1.db.default.svc.cluster.local", "db-1.db.default.svc.cluster.local A 10.244.1.5" },
        { "db-2.db.default.svc.cluster.local", "db-2.db.default.svc.cluster.local: NXDOMAIN" },
        { "mail.default.svc.cluster.local", "mail.default.svc.cluster.local CNAME mail.example.com" },
        { "nope.default.svc.cluster.local", "nope.default.svc.cluster.local: NXDOMAIN" },
        { "web.other.svc.cluster.local", "web.other.svc.cluster.local: NXDOMAIN" },
        { "web-0.web.default.svc.cluster.local", "web-0.web.default.svc.cluster.local: NXDOMAIN" },
        { "example.com", "example.com: NXDOMAIN" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Service_names_resolve_as_the_DNS_spec_says(string name, string answer) =>
        Assert.Equal(answer, ClusterDns.Resolve(State, name).ToString());

    public static TheoryData<string, string, string> SearchPath => new()
    {
        { "default", "web", "web.default.svc.cluster.local A 10.96.1.1" },
        { "default", "web.default", "web.default.svc.cluster.local A 10.96.1.1" },
        { "kube-system", "web.default", "web.default.svc.cluster.local A 10.96.1.1" },
        { "kube-system", "web", "web: NXDOMAIN" },
        { "default", "web.default.svc.cluster.local.", "web.default.svc.cluster.local A 10.96.1.1" },
    };

    [Theory]
    [MemberData(nameof(SearchPath))]
    public void A_pod_resolves_short_names_through_its_search_path(string podNamespace, string name, string answer) =>
        Assert.Equal(answer, ClusterDns.ResolveFrom(State, podNamespace, name).ToString());
}
