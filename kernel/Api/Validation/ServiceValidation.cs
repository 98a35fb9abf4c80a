using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Networking;

namespace KubeKernel.Api.Validation;

/// <summary><c>ValidateService</c> and <c>ValidateServiceUpdate</c>, with Kubernetes' field paths and messages.</summary>
/// <remarks>Only single-stack IPv4 is modelled: an IPv6 literal is reported as an invalid IP address.</remarks>
internal static class ServiceValidation
{
    public const string MustBeValidIP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

    // Fresh arrays per use: a shared static array could be changed by any caller (KRN1003).
    private static string[] Protocols => ["SCTP", "TCP", "UDP"];

    private static string[] Affinities => ["ClientIP", "None"];

    private static string[] TrafficPolicies => ["Cluster", "Local"];

    private static string[] Families => ["IPv4", "IPv6"];

    /// <summary>The kubelet's port (10250), which a LoadBalancer may not expose.</summary>
    public const int KubeletPort = 10250;

    /// <summary><c>core.MaxClientIPServiceAffinitySeconds</c>: one day.</summary>
    public const int MaxClientIPAffinitySeconds = 86400;

    public static void Validate(FieldErrors errors, Service svc, Service? old = null)
    {
        if (old is not null)
        {
            ValidateUpgradeDowngradeClusterIPs(errors, svc, old);
            if (old.Spec.Type == ServiceType.LoadBalancer && svc.Spec.Type == ServiceType.LoadBalancer && svc.Spec.LoadBalancerClass != old.Spec.LoadBalancerClass)
            {
                errors.Invalid("spec.loadBalancerClass", svc.Spec.LoadBalancerClass, "may not change once set");
            }
        }

        NameValidation.ValidateObjectName(errors, svc.Metadata.Name, dns1035: true);
        var spec = svc.Spec;
        var headless = spec.IsHeadless;
        if (spec.Ports.IsEmpty && !headless && spec.Type != ServiceType.ExternalName)
        {
            errors.Required("spec.ports");
        }

        switch (spec.Type)
        {
            case ServiceType.LoadBalancer:
                if (headless)
                {
                    errors.Invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for LoadBalancer services");
                }

                for (var i = 0; i < spec.Ports.Count; i++)
                {
                    if (spec.Ports[i].Port == KubeletPort)
                    {
                        errors.Invalid($"spec.ports[{i}]", KubeletPort, $"may not expose port {KubeletPort} externally since it is used by kubelet");
                    }
                }

                break;
            case ServiceType.NodePort when headless:
                errors.Invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for NodePort services");
                break;
            case ServiceType.ExternalName:
                if (!spec.ClusterIPs.IsEmpty || !string.IsNullOrEmpty(spec.ClusterIP))
                {
                    errors.Forbidden("spec.clusterIPs", "may not be set for ExternalName services");
                }

                if (!spec.IPFamilies.IsEmpty)
                {
                    errors.Forbidden("spec.ipFamilies", "may not be set for ExternalName services");
                }

                // The CNAME may end with a dot to mark it fully qualified.
                var cname = (spec.ExternalName ?? string.Empty).TrimEnd('.');
                if (cname.Length == 0)
                {
                    errors.Required("spec.externalName");
                }
                else if (!NameValidation.IsDns1123Subdomain(cname))
                {
                    errors.Invalid("spec.externalName", cname, NameValidation.Dns1123SubdomainMessage);
                }

                break;
        }

        ValidatePorts(errors, spec);
        ValidateSessionAffinity(errors, spec);
        ValidateClusterIPsRelatedFields(errors, svc);

        if (spec.Type is ServiceType.ClusterIP or ServiceType.ExternalName)
        {
            // Kubernetes checks only ClusterIP; an ExternalName service holding an unallocated node port is a hole
            // its repair loop papers over later, so the kernel refuses it the same way (see docs/services.md).
            for (var i = 0; i < spec.Ports.Count; i++)
            {
                if (spec.Ports[i].NodePort is > 0)
                {
                    errors.Forbidden($"spec.ports[{i}].nodePort", $"may not be used when `type` is '{spec.Type}'");
                }
            }
        }

        // Node ports are unique per (protocol, nodePort): a TCP/UDP pair may share one.
        var nodePorts = new HashSet<(string, int)>();
        for (var i = 0; i < spec.Ports.Count; i++)
        {
            if (spec.Ports[i].NodePort is > 0 and var nodePort && !nodePorts.Add((spec.Ports[i].Protocol, nodePort)))
            {
                errors.Duplicate($"spec.ports[{i}].nodePort", nodePort);
            }
        }

        var portProtocols = new HashSet<(int, string)>();
        for (var i = 0; i < spec.Ports.Count; i++)
        {
            var p = spec.Ports[i];
            if (!portProtocols.Add((p.Port, p.Protocol)))
            {
                errors.Duplicate($"spec.ports[{i}]", new RawValue($"core.ServicePort{{Name:\"\", Protocol:\"{p.Protocol}\", AppProtocol:(*string)(nil), Port:{p.Port}, TargetPort:intstr.IntOrString{{Type:0, IntVal:0, StrVal:\"\"}}, NodePort:0}}"));
            }
        }

        if (spec.AllocateLoadBalancerNodePorts is not null && spec.Type != ServiceType.LoadBalancer)
        {
            errors.Forbidden("spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'");
        }

        if (spec.LoadBalancerClass is { } lbClass)
        {
            if (spec.Type != ServiceType.LoadBalancer)
            {
                errors.Forbidden("spec.loadBalancerClass", "may only be used when `type` is 'LoadBalancer'");
            }
            else
            {
                NameValidation.ValidateQualifiedName(errors, "spec.loadBalancerClass", lbClass);
            }
        }

        ValidateTrafficPolicies(errors, svc);
    }

    /// <summary>
    /// <c>ValidateServiceClusterIPsRelatedFields</c>: <c>clusterIPs[0]</c> must match <c>clusterIP</c>, every address
    /// must be valid, <c>None</c> only alone, families IPv4 or IPv6 without repeats.
    /// </summary>
    public static void ValidateClusterIPsRelatedFields(FieldErrors errors, Service svc)
    {
        var spec = svc.Spec;
        if (spec.Type == ServiceType.ExternalName)
        {
            return;
        }

        var listed = ListValue(spec.ClusterIPs);
        if (!string.IsNullOrEmpty(spec.ClusterIP))
        {
            if (spec.ClusterIPs.IsEmpty)
            {
                errors.Required("spec.clusterIPs");
            }
            else if (spec.ClusterIPs[0] != spec.ClusterIP)
            {
                errors.Invalid("spec.clusterIPs", listed, "first value must match `clusterIP`");
            }
        }
        else if (!spec.ClusterIPs.IsEmpty)
        {
            errors.Invalid("spec.clusterIPs", listed, "must be empty when `clusterIP` is not specified");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.IPFamilies.Count; i++)
        {
            var family = spec.IPFamilies[i];
            if (!Families.Contains(family))
            {
                errors.NotSupported($"spec.ipFamilies[{i}]", family, Families);
            }

            if (!seen.Add(family))
            {
                errors.Duplicate($"spec.ipFamilies[{i}]", family);
            }
        }

        for (var i = 0; i < spec.ClusterIPs.Count; i++)
        {
            var ip = spec.ClusterIPs[i];
            if (i == 0 && ip == "None")
            {
                if (spec.ClusterIPs.Count > 1)
                {
                    errors.Invalid("spec.clusterIPs", listed, "'None' must be the first and only value");
                }

                continue;
            }

            if (!IPv4.TryParse(ip, out _))
            {
                errors.Invalid($"spec.clusterIPs[{i}]", ip, MustBeValidIP);
            }
        }
    }

    /// <summary><c>IsValidPortName</c>: an IANA_SVC_NAME (≤ 15 characters of a-z, 0-9 and '-', at least one letter, no leading, trailing or double hyphen).</summary>
    public static IEnumerable<string> PortNameErrors(string name)
    {
        if (name.Length > 15)
        {
            yield return "must be no more than 15 characters";
        }

        if (!name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            yield return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
        }

        if (!name.Any(c => c is >= 'a' and <= 'z'))
        {
            yield return "must contain at least one letter (a-z)";
        }

        if (name.Contains("--", StringComparison.Ordinal))
        {
            yield return "must not contain consecutive hyphens";
        }

        if (name.Length > 0 && (name[0] == '-' || name[^1] == '-'))
        {
            yield return "must not begin or end with a hyphen";
        }
    }

    /// <summary>A list value the way Kubernetes prints it in a field error: <c>["10.96.0.10"]</c>.</summary>
    public static RawValue ListValue(ValueList<string> items) => new("[" + string.Join(",", items.Select(i => $"\"{i}\"")) + "]");

    private static void ValidatePorts(FieldErrors errors, ServiceSpec spec)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Ports.Count; i++)
        {
            var p = spec.Ports[i];
            var at = $"spec.ports[{i}]";
            if (spec.Ports.Count > 1 && string.IsNullOrEmpty(p.Name))
            {
                errors.Required($"{at}.name");
            }
            else if (!string.IsNullOrEmpty(p.Name))
            {
                if (!NameValidation.IsDns1123Label(p.Name))
                {
                    errors.Invalid($"{at}.name", p.Name, NameValidation.Dns1123LabelMessage);
                }

                if (!names.Add(p.Name))
                {
                    errors.Duplicate($"{at}.name", p.Name);
                }
            }

            if (p.Port is < 1 or > 65535)
            {
                errors.Invalid($"{at}.port", p.Port, "must be between 1 and 65535, inclusive");
            }

            if (string.IsNullOrEmpty(p.Protocol))
            {
                errors.Required($"{at}.protocol");
            }
            else if (!Protocols.Contains(p.Protocol))
            {
                errors.NotSupported($"{at}.protocol", p.Protocol, Protocols);
            }

            if (p.TargetPort.IntValue is { } target)
            {
                if (target is < 1 or > 65535)
                {
                    errors.Invalid($"{at}.targetPort", target, "must be between 1 and 65535, inclusive");
                }
            }
            else
            {
                foreach (var message in PortNameErrors(p.TargetPort.StringValue ?? string.Empty))
                {
                    errors.Invalid($"{at}.targetPort", p.TargetPort.StringValue ?? string.Empty, message);
                }
            }
        }
    }

    private static void ValidateSessionAffinity(FieldErrors errors, ServiceSpec spec)
    {
        if (!Affinities.Contains(spec.SessionAffinity))
        {
            errors.NotSupported("spec.sessionAffinity", spec.SessionAffinity, Affinities);
        }
        else if (spec.SessionAffinity == "ClientIP")
        {
            if (spec.SessionAffinityTimeoutSeconds is not { } timeout)
            {
                errors.Required("spec.sessionAffinityConfig.clientIP.timeoutSeconds", "when session affinity type is ClientIP");
            }
            else if (timeout is <= 0 or > MaxClientIPAffinitySeconds)
            {
                errors.Invalid("spec.sessionAffinityConfig.clientIP.timeoutSeconds", timeout, $"must be greater than 0 and less than {MaxClientIPAffinitySeconds}");
            }
        }
        else if (spec.SessionAffinityTimeoutSeconds is not null)
        {
            errors.Forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None");
        }
    }

    /// <summary><c>validateServiceExternalTrafficPolicy</c> and <c>validateServiceInternalTrafficFieldsValue</c>.</summary>
    private static void ValidateTrafficPolicies(FieldErrors errors, Service svc)
    {
        var spec = svc.Spec;
        var external = spec.Type is ServiceType.NodePort or ServiceType.LoadBalancer;
        if (!external)
        {
            if (!string.IsNullOrEmpty(spec.ExternalTrafficPolicy))
            {
                errors.Invalid("spec.externalTrafficPolicy", spec.ExternalTrafficPolicy, "may only be set for externally-accessible services");
            }
        }
        else if (string.IsNullOrEmpty(spec.ExternalTrafficPolicy))
        {
            errors.Required("spec.externalTrafficPolicy");
        }
        else if (!TrafficPolicies.Contains(spec.ExternalTrafficPolicy))
        {
            errors.NotSupported("spec.externalTrafficPolicy", spec.ExternalTrafficPolicy, TrafficPolicies);
        }

        var needsHealthCheck = spec.Type == ServiceType.LoadBalancer && spec.ExternalTrafficPolicy == "Local";
        if (!needsHealthCheck && spec.HealthCheckNodePort is > 0)
        {
            errors.Invalid("spec.healthCheckNodePort", spec.HealthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
        }
        else if (needsHealthCheck && spec.HealthCheckNodePort is null or 0)
        {
            errors.Required("spec.healthCheckNodePort");
        }

        if (spec.InternalTrafficPolicy is null && spec.Type != ServiceType.ExternalName)
        {
            errors.Required("spec.internalTrafficPolicy");
        }
        else if (spec.InternalTrafficPolicy is { } internalPolicy && !TrafficPolicies.Contains(internalPolicy))
        {
            errors.NotSupported("spec.internalTrafficPolicy", internalPolicy, TrafficPolicies);
        }
    }

    /// <summary><c>validateUpgradeDowngradeClusterIPs</c>: a cluster IP may not change once set, except to or from ExternalName.</summary>
    private static void ValidateUpgradeDowngradeClusterIPs(FieldErrors errors, Service svc, Service old)
    {
        if (svc.Spec.Type == ServiceType.ExternalName || old.Spec.Type == ServiceType.ExternalName || (svc.Spec.IsHeadless && old.Spec.IsHeadless))
        {
            return;
        }

        var (before, after) = (old.Spec.ClusterIPs, svc.Spec.ClusterIPs);
        if (after.Count == before.Count)
        {
            for (var i = 0; i < before.Count; i++)
            {
                if (before[i] != after[i])
                {
                    errors.Invalid($"spec.clusterIPs[{i}]", ListValue(after), "may not change once set");
                }
            }
        }
        else if (after.Count < before.Count && after.IsEmpty)
        {
            errors.Invalid("spec.clusterIPs[0]", ListValue(after), "primary clusterIP can not be unset");
        }
    }
}
