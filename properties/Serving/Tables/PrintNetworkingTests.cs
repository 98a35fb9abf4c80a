using KubeKernel.Adapters.Serving.Tables;
using KubeKernel.Collections;
using KubeKernel.Model;
using static KubeKernel.Properties.Serving.Tables.TableObjects;

namespace KubeKernel.Properties.Serving.Tables;

/// <summary>Kubernetes' <c>TestPrintService</c>, <c>TestPrintServiceLoadBalancer</c>, <c>TestPrintEndpointSlice</c> and <c>TestPrintIngress</c> cases, on kernel objects.</summary>
public class PrintNetworkingTests
{
    private static Service Service(string name, ServiceType type, string? clusterIP, params ServicePort[] ports) => new(
        Meta(name),
        new ServiceSpec { Type = type, ClusterIP = clusterIP, ClusterIPs = clusterIP is null ? [] : [clusterIP], Ports = ports.ToValueList(), Selector = new ValueMap<string, string>([new("foo", "bar")]) },
        ServiceStatus.Empty);

    public static TheoryData<string, Service, string[]> Services => new()
    {
        { "test1: ClusterIP with a single port", Service("test1", ServiceType.ClusterIP, "10.9.8.7", new ServicePort(null, "TCP", 2233, IntOrString.FromInt(2233))), ["test1", "ClusterIP", "10.9.8.7", "<none>", "2233/TCP", "0s", "foo=bar"] },
        { "test2: NodePort, the node port after the port", Service("test2", ServiceType.NodePort, "10.9.8.7", new ServicePort(null, "TCP", 8888, IntOrString.FromInt(8888), 9999)), ["test2", "NodePort", "10.9.8.7", "<none>", "8888:9999/TCP", "0s", "foo=bar"] },
        { "test3: LoadBalancer, pending until the cloud answers", Service("test3", ServiceType.LoadBalancer, "10.9.8.7", new ServicePort(null, "TCP", 8888, IntOrString.FromInt(8888), 30080)), ["test3", "LoadBalancer", "10.9.8.7", "<pending>", "8888:30080/TCP", "0s", "foo=bar"] },
        { "test4: ExternalName, the name and no cluster IP", Service("test4", ServiceType.ExternalName, null) with { Spec = new ServiceSpec { Type = ServiceType.ExternalName, ExternalName = "my.database.example.com" } }, ["test4", "ExternalName", "<none>", "my.database.example.com", "<none>", "0s", "<none>"] },
        { "test5: headless, several ports", Service("test5", ServiceType.ClusterIP, "None", new ServicePort("a", "TCP", 80, IntOrString.FromInt(80)), new ServicePort("b", "UDP", 53, IntOrString.FromInt(53))), ["test5", "ClusterIP", "None", "<none>", "80/TCP,53/UDP", "0s", "foo=bar"] },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public void TestPrintService(string name, Service service, string[] expected)
    {
        Assert.StartsWith(expected[0], name, StringComparison.Ordinal);
        Assert.Equal(expected, ResourceTables.Cells(service, 0));
    }

    /// <summary>The ingress points' IPs (else hostnames), deduplicated and sorted; never clipped, since the server prints wide.</summary>
    [Fact]
    public void TestPrintServiceLoadBalancer()
    {
        var service = Service("test1", ServiceType.LoadBalancer, "10.9.8.7", new ServicePort(null, "TCP", 80, IntOrString.FromInt(80), 30080)) with
        {
            Status = new ServiceStatus([new LoadBalancerIngress("3.4.5.6", null), new LoadBalancerIngress(null, "lb.example.com"), new LoadBalancerIngress("2.3.4.5", null), new LoadBalancerIngress("2.3.4.5", "ignored")]),
        };
        Assert.Equal("2.3.4.5,3.4.5.6,lb.example.com", ResourceTables.Cells(service, 0)[3]);
    }

    private static Endpoint Endpoint(params string[] addresses) => new(addresses.ToValueList(), new EndpointConditions(true, true, false), null, null, null, null);

    [Fact]
    public void TestPrintEndpointSlice()
    {
        var slice = new EndpointSlice(Meta("abcslice.123"), "IPv4", [Endpoint("10.1.2.3", "2001:db8::1234:5678")], [new EndpointPort("http", "TCP", 80), new EndpointPort("https", "TCP", 443)]);
        Assert.Equal(["abcslice.123", "IPv4", "80,443", "10.1.2.3,2001:db8::1234:5678", "0s"], ResourceTables.Cells(slice, 0));

        var many = new EndpointSlice(Meta("longerslicename.123"), "IPv6", [Endpoint("2001:db8::1234:5678", "2001:db8::1234:5679"), Endpoint("2001:db8::1234:5680", "2001:db8::1234:5681")], [new EndpointPort("http", "TCP", 80), new EndpointPort("https", "TCP", 443), new EndpointPort("extra1", "TCP", 3000), new EndpointPort("extra2", "TCP", 3001)]);
        Assert.Equal(["longerslicename.123", "IPv6", "80,443,3000 + 1 more...", "2001:db8::1234:5678,2001:db8::1234:5679,2001:db8::1234:5680 + 1 more...", "0s"], ResourceTables.Cells(many, 0));
    }

    [Fact]
    public void An_endpoint_slice_without_ports_or_endpoints_prints_unset_and_a_port_without_number_its_name()
    {
        var empty = new EndpointSlice(Meta("empty"), "IPv4", [], []);
        Assert.Equal(["empty", "IPv4", "<unset>", "<unset>", "0s"], ResourceTables.Cells(empty, 0));
        var named = new EndpointSlice(Meta("named"), "IPv4", [], [new EndpointPort("http", "TCP", null), new EndpointPort(null, "TCP", null)]);
        Assert.Equal("http,*", ResourceTables.Cells(named, 0)[2]);
    }

    [Fact]
    public void TestPrintIngress()
    {
        var ingress = new Ingress(
            Meta("test1"),
            new IngressSpec("foo", new IngressBackend("default-backend", IntOrString.FromString("default-backend-port")), [new IngressRule("foo.bar.com", [])], []),
            new ServiceStatus([new LoadBalancerIngress("2.3.4.5", null)]));
        Assert.Equal(["test1", "foo", "foo.bar.com", "2.3.4.5", "80", "0s"], ResourceTables.Cells(ingress, 0));
    }

    [Fact]
    public void An_ingress_with_TLS_opens_443_and_lists_at_most_three_hosts()
    {
        var ingress = new Ingress(
            Meta("web"),
            new IngressSpec(null, null, [new IngressRule("a", []), new IngressRule(null, []), new IngressRule("b", []), new IngressRule("c", []), new IngressRule("d", [])], [new IngressTls(["a"], "tls")]),
            ServiceStatus.Empty);
        Assert.Equal(["web", "<none>", "a,b,c + 2 more...", "", "80, 443", "0s"], ResourceTables.Cells(ingress, 0));
        var hostless = ingress with { Spec = ingress.Spec with { Rules = [new IngressRule(null, [])], Tls = [] } };
        Assert.Equal(["*", "80"], ResourceTables.Cells(hostless, 0).Where((_, i) => i is 2 or 4));
    }
}
