using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Networking;
using static KubeKernel.Properties.Networking.Services;

namespace KubeKernel.Properties.Networking;

/// <summary>Ingress routing: the Kubernetes documentation's matching table, hosts and wildcards, precedence, default backends, TLS, classes, validation.</summary>
public class IngressTests
{
    private static IngressBackend Backend(string service, int port = 80) => new(service, IntOrString.FromInt(port));

    private static Ingress Ingress(string name, IngressBackend? defaultBackend = null, ValueList<IngressTls> tls = default, params IngressRule[] rules) =>
        new(new ObjectMeta { Name = name, Namespace = "default" }, new IngressSpec("nginx", defaultBackend, [.. rules], tls), ServiceStatus.Empty);

    private static IngressRule Rule(string? host, params (string Type, string Path, string Service)[] paths) =>
        new(host, paths.Select(p => new HttpIngressPath(p.Path, p.Type, Backend(p.Service))).ToValueList());

    /// <summary>The "Examples" table of the Kubernetes Ingress page: path type, rule paths, request path, which rule path matches (none → default backend).</summary>
    public static TheoryData<string, string, string, string?> DocumentationTable => new()
    {
        { "Prefix", "/", "/anything/at/all", "/" },
        { "Exact", "/foo", "/foo", "/foo" },
        { "Exact", "/foo", "/bar", null },
        { "Exact", "/foo", "/foo/", null },
        { "Exact", "/foo/", "/foo", null },
        { "Prefix", "/foo", "/foo", "/foo" },
        { "Prefix", "/foo", "/foo/", "/foo" },
        { "Prefix", "/foo/", "/foo", "/foo/" },
        { "Prefix", "/foo/", "/foo/", "/foo/" },
        { "Prefix", "/aaa/bb", "/aaa/bbb", null },
        { "Prefix", "/aaa/bbb", "/aaa/bbb", "/aaa/bbb" },
        { "Prefix", "/aaa/bbb/", "/aaa/bbb", "/aaa/bbb/" },
        { "Prefix", "/aaa/bbb", "/aaa/bbb/", "/aaa/bbb" },
        { "Prefix", "/aaa/bbb", "/aaa/bbb/ccc", "/aaa/bbb" },
        { "Prefix", "/aaa/bbb", "/aaa/bbbxyz", null },
        { "Prefix", "/,/aaa", "/aaa/ccc", "/aaa" },
        { "Prefix", "/,/aaa,/aaa/bbb", "/aaa/bbb", "/aaa/bbb" },
        { "Prefix", "/,/aaa,/aaa/bbb", "/ccc", "/" },
        { "Prefix", "/aaa", "/ccc", null },
        { "Mixed", "/foo", "/foo", "/foo (Exact)" },
    };

    [Theory]
    [MemberData(nameof(DocumentationTable))]
    public void Paths_match_as_the_Kubernetes_documentation_tabulates(string type, string rulePaths, string request, string? matched)
    {
        var paths = type == "Mixed"
            ? new[] { ("Prefix", "/foo", "prefix"), ("Exact", "/foo", "exact") }
            : rulePaths.Split(',').Select(p => (type, p, "svc" + p.Replace("/", "-", StringComparison.Ordinal))).ToArray();
        var route = IngressRouter.Route([Ingress("app", Backend("fallback"), default, Rule("foo.bar.com", paths))], "foo.bar.com", request);
        if (matched is null)
        {
            Assert.Equal("default backend", route.Rule);
            Assert.Equal("fallback", route.Backend!.ServiceName);
        }
        else
        {
            Assert.StartsWith($"foo.bar.com{matched}", route.Rule);
        }
    }

    public static TheoryData<string, string?, bool> Hosts => new()
    {
        { "*.foo.com", "bar.foo.com", true },
        { "*.foo.com", "baz.bar.foo.com", false },
        { "*.foo.com", "foo.com", false },
        { "foo.bar.com", "foo.bar.com", true },
        { "foo.bar.com", "FOO.bar.com", true },
        { "foo.bar.com", "bar.foo.com", false },
        { "", "anything.example", true },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Hosts_match_exactly_or_by_one_wildcard_label(string rule, string? host, bool matches) =>
        Assert.Equal(matches, IngressMatching.HostMatches(rule, host!));

    private static readonly Ingress[] Site =
    [
        Ingress("site", Backend("default-http"), [new IngressTls(["foo.bar.com", "*.bar.com"], "bar-tls")],
            Rule("foo.bar.com", ("Prefix", "/", "foo"), ("Prefix", "/api", "api"), ("Exact", "/api/healthz", "health")),
            Rule("*.bar.com", ("Prefix", "/", "wild")),
            Rule(null, ("Prefix", "/", "catch-all"))),
    ];

    public static TheoryData<string, string, string> Routing => new()
    {
        { "foo.bar.com", "/", "service foo:80 via default/site foo.bar.com/ (Prefix), TLS bar-tls" },
        { "foo.bar.com:8443", "/api/v1?x=1", "service api:80 via default/site foo.bar.com/api (Prefix), TLS bar-tls" },
        { "foo.bar.com", "/api/healthz", "service health:80 via default/site foo.bar.com/api/healthz (Exact), TLS bar-tls" },
        { "baz.bar.com", "/api", "service wild:80 via default/site *.bar.com/ (Prefix), TLS bar-tls" },
        { "a.b.bar.com", "/", "service catch-all:80 via default/site */ (Prefix)" },
        { "10.0.0.1", "/x", "service catch-all:80 via default/site */ (Prefix)" },
    };

    [Theory]
    [MemberData(nameof(Routing))]
    public void Exact_hosts_beat_wildcards_which_beat_hostless_rules(string host, string path, string route) =>
        Assert.Equal(route, IngressRouter.Route(Site, host, path).ToString());

    [Fact]
    public void Without_a_match_or_a_default_backend_the_answer_is_404_with_the_reason()
    {
        var only = Ingress("only", null, default, Rule("foo.com", ("Exact", "/a", "a")));
        Assert.Equal("404 (no path of host \"foo.com\" matches \"/b\" and no default backend)", IngressRouter.Route([only], "foo.com", "/b").ToString());
        Assert.Equal("404 (no rule for host \"bar.com\" and no default backend)", IngressRouter.Route([only], "bar.com", "/a").ToString());
    }

    [Fact]
    public void Rules_of_several_Ingresses_merge_and_the_longest_path_wins_whichever_Ingress_holds_it()
    {
        var a = Ingress("a", null, default, Rule("shop.com", ("Prefix", "/", "front")));
        var b = Ingress("b", null, default, Rule("shop.com", ("Prefix", "/cart", "cart")));
        Assert.Equal("service cart:80 via default/b shop.com/cart (Prefix)", IngressRouter.Route([a, b], "shop.com", "/cart/items").ToString());
        Assert.Equal("service front:80 via default/a shop.com/ (Prefix)", IngressRouter.Route([b, a], "shop.com", "/carts").ToString());
    }

    [Fact]
    public void A_new_Ingress_without_a_class_gets_the_newest_default_class()
    {
        var state = ClusterState.Initial();
        var old = new IngressClass(new ObjectMeta { Name = "old", Annotations = ValueMap.Of((IngressClass.IsDefaultClassAnnotation, "true")) }, "example.com/old");
        (state, _) = Submit(state, old);
        state = state with { Now = 1000 };
        (state, _) = Submit(state, old with { Metadata = old.Metadata with { Name = "nginx" }, Controller = "k8s.io/ingress-nginx" });
        (state, _) = Submit(state, new IngressClass(new ObjectMeta { Name = "other" }, "example.com/other"));
        var (_, result) = Submit(state, new Ingress(new ObjectMeta { Name = "web", Namespace = "default" }, new IngressSpec(null, Backend("web"), default, default), ServiceStatus.Empty));
        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("nginx", ((Ingress)result.Object!).Spec.IngressClassName);
        Assert.Single(IngressRouter.ForClass(state with { Store = state.Store.Put(result.Object!).Store }, "nginx"));
    }

    public static TheoryData<IngressSpec, string> Invalid => new()
    {
        { new IngressSpec(null, null, default, default), "spec: Invalid value: {}: either `defaultBackend` or `rules` must be specified" },
        { new IngressSpec(null, null, [Rule("1.2.3.4", ("Prefix", "/", "a"))], default), "spec.rules[0].host: Invalid value: \"1.2.3.4\": must be a DNS name, not an IP address" },
        { new IngressSpec(null, null, [Rule("*.*.foo.com", ("Prefix", "/", "a"))], default), "spec.rules[0].host: Invalid value: \"*.*.foo.com\": a wildcard DNS-1123 subdomain must start with '*.'" },
        { new IngressSpec(null, null, [Rule("foo.com", ("Prefix", "foo", "a"))], default), "spec.rules[0].http.paths[0].path: Invalid value: \"foo\": must be an absolute path" },
        { new IngressSpec(null, null, [Rule("foo.com", ("Exact", "/a//b", "a"))], default), "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b\": must not contain '//'" },
        { new IngressSpec(null, null, [Rule("foo.com", ("Prefix", "/a/..", "a"))], default), "spec.rules[0].http.paths[0].path: Invalid value: \"/a/..\": cannot end with '/..'" },
        { new IngressSpec(null, null, [Rule("foo.com", ("Regex", "/", "a"))], default), "spec.rules[0].http.paths[0].pathType: Unsupported value: \"Regex\": supported values: \"Exact\", \"ImplementationSpecific\", \"Prefix\"" },
        { new IngressSpec(null, new IngressBackend("web", null), default, default), "spec.defaultBackend.service.port: Required value: port name or number is required" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_Ingresses_are_rejected_with_Kubernetes_causes(IngressSpec spec, string cause)
    {
        var fresh = ClusterState.Initial();
        var (after, result) = Submit(fresh, new Ingress(new ObjectMeta { Name = "web", Namespace = "default" }, spec, ServiceStatus.Empty));
        Assert.Equal(422, result.Code);
        Assert.Contains(cause, result.Message);
        Assert.Equal(fresh, after);
    }
}
