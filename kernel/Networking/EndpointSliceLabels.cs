namespace KubeKernel.Networking;

/// <summary>The well-known labels of EndpointSlices (<c>discovery.k8s.io</c>).</summary>
internal static class EndpointSliceLabels
{
    /// <summary><c>kubernetes.io/service-name</c>: the Service a slice belongs to; kube-proxy and DNS find slices by it.</summary>
    public const string ServiceName = "kubernetes.io/service-name";

    /// <summary><c>endpointslice.kubernetes.io/managed-by</c>: which controller owns the slice.</summary>
    public const string ManagedBy = "endpointslice.kubernetes.io/managed-by";

    /// <summary>The EndpointSlice controller's value of <see cref="ManagedBy"/>.</summary>
    public const string ControllerName = "endpointslice-controller.k8s.io";

    /// <summary><c>service.kubernetes.io/headless</c>: set (empty) on slices of headless services.</summary>
    public const string Headless = "service.kubernetes.io/headless";
}
