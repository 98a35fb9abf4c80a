namespace KubeKernel.Model;

/// <summary>A pod's <c>dnsPolicy</c>: which DNS configuration its containers get.</summary>
public enum DnsPolicy
{
    /// <summary>The cluster's DNS first, then the node's upstream servers (the default).</summary>
    ClusterFirst,

    /// <summary>ClusterFirst for a pod on the host network.</summary>
    ClusterFirstWithHostNet,

    /// <summary>The node's own DNS configuration.</summary>
    Default,

    /// <summary>Only what <c>dnsConfig</c> gives.</summary>
    None,
}
