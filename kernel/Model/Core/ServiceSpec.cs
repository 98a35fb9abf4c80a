using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A Service's spec; allocations (cluster IPs, node ports) are filled by the API server.</summary>
public sealed record ServiceSpec
{
    /// <summary><c>spec.type</c>: how the Service is exposed; <c>ClusterIP</c> by default.</summary>
    public ServiceType Type { get; init; } = ServiceType.ClusterIP;

    /// <summary>Empty means no selector: endpoints are managed by someone else.</summary>
    public ValueMap<string, string> Selector { get; init; }

    /// <summary><c>spec.ports</c>: at least one, except for headless and <c>ExternalName</c> Services.</summary>
    public ValueList<ServicePort> Ports { get; init; }

    /// <summary><c>None</c> for a headless service.</summary>
    public string? ClusterIP { get; init; }

    /// <summary><c>spec.clusterIPs</c>: every allocated cluster IP, the first equal to <see cref="ClusterIP"/>; one entry in this single-stack IPv4 cluster.</summary>
    public ValueList<string> ClusterIPs { get; init; }

    /// <summary><c>spec.externalName</c>: for type <c>ExternalName</c>, the lowercase DNS name the Service's name aliases (a CNAME); null otherwise.</summary>
    public string? ExternalName { get; init; }

    /// <summary><c>spec.sessionAffinity</c>: <c>None</c> (the default) or <c>ClientIP</c>, which sends a client's connections to the same pod.</summary>
    public string SessionAffinity { get; init; } = "None";

    /// <summary><c>sessionAffinityConfig.clientIP.timeoutSeconds</c>: defaulted to 10800 (3 h) for <c>ClientIP</c> affinity.</summary>
    public int? SessionAffinityTimeoutSeconds { get; init; }

    /// <summary><c>spec.externalTrafficPolicy</c>: <c>Cluster</c> (the default for <c>NodePort</c> and <c>LoadBalancer</c>) or <c>Local</c>, which keeps the client's source IP but only serves from the receiving node's endpoints.</summary>
    public string? ExternalTrafficPolicy { get; init; }

    /// <summary><c>spec.internalTrafficPolicy</c>: <c>Cluster</c> (the default, except for <c>ExternalName</c>) or <c>Local</c>, which routes in-cluster traffic only to endpoints on the client's node.</summary>
    public string? InternalTrafficPolicy { get; init; }

    /// <summary><c>spec.publishNotReadyAddresses</c>: when true, endpoints of pods that are not ready are still published as ready (for peer discovery before readiness).</summary>
    public bool PublishNotReadyAddresses { get; init; }

    /// <summary><c>spec.allocateLoadBalancerNodePorts</c>: for <c>LoadBalancer</c> only, whether node ports are allocated; defaulted to true for that type.</summary>
    public bool? AllocateLoadBalancerNodePorts { get; init; }

    /// <summary><c>spec.loadBalancerClass</c>: the load balancer implementation to use; when set, the built-in service controller leaves the Service to that implementation. Immutable once set.</summary>
    public string? LoadBalancerClass { get; init; }

    /// <summary><c>spec.healthCheckNodePort</c>: the node port on which each node reports whether it has local endpoints; allocated only for <c>LoadBalancer</c> with <c>externalTrafficPolicy: Local</c>.</summary>
    public int? HealthCheckNodePort { get; init; }

    /// <summary><c>spec.ipFamilies</c>: the address families of the cluster IPs; defaulted to <c>IPv4</c>, the only family this cluster serves.</summary>
    public ValueList<string> IPFamilies { get; init; }

    /// <summary>Whether <c>spec.clusterIP</c> is <c>None</c>: no virtual IP and no proxying; DNS answers with the pods' addresses.</summary>
    public bool IsHeadless => ClusterIP == "None";
}
