namespace KubeKernel.Controllers.Services;

/// <summary>Where a service's load balancer stands with the cloud provider, as the service controller last heard.</summary>
internal enum LoadBalancerPhase
{
    /// <summary>A <c>ProvisionLoadBalancer</c> is out; no answer yet.</summary>
    Provisioning,

    /// <summary>The cloud provider answered with the load balancer's addresses.</summary>
    Ensured,

    /// <summary>Provisioning failed; it is retried with back-off.</summary>
    ProvisioningFailed,

    /// <summary>A <c>DeleteLoadBalancer</c> is out; no answer yet.</summary>
    Deleting,

    /// <summary>The cloud provider removed the load balancer; the finalizer and status are cleaned up next.</summary>
    Deleted,

    /// <summary>Deletion failed; it is retried with back-off.</summary>
    DeletionFailed,
}
