using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Networking;

/// <summary>The cluster DNS model (the Kubernetes DNS-based service discovery spec, as CoreDNS serves it).</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>name</term><description>answer</description></listheader>
/// <item><term><c>&lt;svc&gt;.&lt;ns&gt;.svc.cluster.local</c>, ClusterIP/NodePort/LoadBalancer</term><description>A → the cluster IP</description></item>
/// <item><term>the same, headless</term><description>A → each ready endpoint's address (every endpoint when the service publishes not-ready addresses)</description></item>
/// <item><term><c>&lt;hostname&gt;.&lt;svc&gt;.&lt;ns&gt;.svc.cluster.local</c>, headless</term><description>A → the endpoint with that hostname</description></item>
/// <item><term>the same, ExternalName</term><description>CNAME → <c>spec.externalName</c></description></item>
/// <item><term>anything else in the zone</term><description>NXDOMAIN</description></item>
/// </list>
/// Names are case-insensitive and may end with a dot. SRV and pod (<c>a-b-c-d.ns.pod</c>) records are not modelled.
/// </remarks>
internal static class ClusterDns
{
    /// <summary>Resolves a fully qualified name.</summary>
    public static DnsAnswer Resolve(ClusterState state, string name)
    {
        var fqdn = name.TrimEnd('.').ToLowerInvariant();
        var zone = ".svc." + state.Config.ClusterDomain;
        if (!fqdn.EndsWith(zone, StringComparison.Ordinal))
        {
            return new DnsAnswer(DnsAnswer.NameError, fqdn, default);
        }

        var labels = fqdn[..^zone.Length].Split('.');
        return labels switch
        {
            [var svc, var ns] => ServiceRecords(state, ns, svc, fqdn),
            [var host, var svc, var ns] => HostRecords(state, ns, svc, host, fqdn),
            _ => new DnsAnswer(DnsAnswer.NameError, fqdn, default),
        };
    }

    /// <summary>
    /// Resolves as a pod in <paramref name="podNamespace"/> would: with <c>ndots:5</c>, a name with fewer than five dots tries the
    /// search path <c>&lt;ns&gt;.svc.cluster.local</c>, <c>svc.cluster.local</c>, <c>cluster.local</c> first, then itself.
    /// </summary>
    /// <remarks>From namespace <c>default</c>, <c>redis-leader</c> resolves as <c>redis-leader.default.svc.cluster.local</c>.</remarks>
    public static DnsAnswer ResolveFrom(ClusterState state, string podNamespace, string name)
    {
        var trimmed = name.TrimEnd('.');
        if (name.EndsWith('.') || trimmed.Count(c => c == '.') >= 5)
        {
            return Resolve(state, trimmed);
        }

        var domain = state.Config.ClusterDomain;
        foreach (var search in new[] { $"{podNamespace}.svc.{domain}", $"svc.{domain}", domain })
        {
            var answer = Resolve(state, $"{trimmed}.{search}");
            if (answer.Exists)
            {
                return answer;
            }
        }

        return Resolve(state, trimmed);
    }

    private static DnsAnswer ServiceRecords(ClusterState state, string ns, string name, string fqdn)
    {
        if (state.Store.Get<Service>(ns, name) is not { } svc)
        {
            return new DnsAnswer(DnsAnswer.NameError, fqdn, default);
        }

        if (svc.Spec.Type == ServiceType.ExternalName)
        {
            return new DnsAnswer(DnsAnswer.NoError, fqdn, [new DnsRecord(fqdn, "CNAME", (svc.Spec.ExternalName ?? string.Empty).TrimEnd('.'))]);
        }

        if (!svc.Spec.IsHeadless)
        {
            return new DnsAnswer(DnsAnswer.NoError, fqdn, svc.Spec.ClusterIPs.Select(ip => new DnsRecord(fqdn, "A", ip)).ToValueList());
        }

        var addresses = Endpoints(state, svc).SelectMany(e => e.Addresses).Distinct().OrderBy(a => IPv4.TryParse(a, out var n) ? n : uint.MaxValue);
        return new DnsAnswer(DnsAnswer.NoError, fqdn, addresses.Select(a => new DnsRecord(fqdn, "A", a)).ToValueList());
    }

    private static DnsAnswer HostRecords(ClusterState state, string ns, string name, string host, string fqdn)
    {
        if (state.Store.Get<Service>(ns, name) is not { Spec.IsHeadless: true } svc)
        {
            return new DnsAnswer(DnsAnswer.NameError, fqdn, default);
        }

        var records = Endpoints(state, svc).Where(e => e.Hostname == host).SelectMany(e => e.Addresses).Distinct()
            .Select(a => new DnsRecord(fqdn, "A", a)).ToValueList();
        return new DnsAnswer(records.IsEmpty ? DnsAnswer.NameError : DnsAnswer.NoError, fqdn, records);
    }

    /// <summary>The endpoints DNS publishes: ready ones, or all when the service publishes not-ready addresses.</summary>
    private static IEnumerable<Endpoint> Endpoints(ClusterState state, Service svc) =>
        state.Store.List<EndpointSlice>(svc.Metadata.Namespace)
            .Where(s => s.Metadata.Labels.GetValueOrDefault(EndpointSliceLabels.ServiceName) == svc.Metadata.Name)
            .SelectMany(s => s.Endpoints)
            .Where(e => svc.Spec.PublishNotReadyAddresses || e.Conditions.Ready != false);
}
