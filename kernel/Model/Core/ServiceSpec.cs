using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A Service's spec; allocations (cluster IPs, node ports) are filled by the API server.</summary>
public sealed record ServiceSpec
{
    public ServiceType Type { get; init; } = ServiceType.ClusterIP;

    /// <summary>Empty means no selector: endpoints are managed by someone else.</summary>
    public ValueMap<string, string> Selector { get; init; }

    public ValueList<ServicePort> Ports { get; init; }

    /// <summary><c>None</c> for a headless service.</summary>
    public string? ClusterIP { get; init; }

    public ValueList<string> ClusterIPs { get; init; }

    public string? ExternalName { get; init; }

    public string SessionAffinity { get; init; } = "None";

    /// <summary><c>sessionAffinityConfig.clientIP.timeoutSeconds</c>: defaulted to 10800 (3 h) for <c>ClientIP</c> affinity.</summary>
    public int? SessionAffinityTimeoutSeconds { get; init; }

    public string? ExternalTrafficPolicy { get; init; }

    public string? InternalTrafficPolicy { get; init; }

    public bool PublishNotReadyAddresses { get; init; }

    public bool? AllocateLoadBalancerNodePorts { get; init; }

    public string? LoadBalancerClass { get; init; }

    public int? HealthCheckNodePort { get; init; }

    public ValueList<string> IPFamilies { get; init; }

    public bool IsHeadless => ClusterIP == "None";
}
