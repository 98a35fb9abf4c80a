using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Controllers.Services;

/// <summary>The cloud-provider service controller's rules: which services want a load balancer, which nodes stand behind it, how retries back off.</summary>
internal static class LoadBalancerMath
{
    /// <summary>The finalizer that keeps a service until its load balancer is gone.</summary>
    public const string CleanupFinalizer = "service.kubernetes.io/load-balancer-cleanup";

    /// <summary>Nodes with this label are kept out of every load balancer.</summary>
    public const string ExcludeLabel = "node.kubernetes.io/exclude-from-external-load-balancers";

    public const long InitialRetryMillis = 5_000;
    public const long MaxRetryMillis = 300_000;

    /// <summary><c>wantsLoadBalancer</c>: type LoadBalancer without a <c>loadBalancerClass</c> (a class means another implementation owns it).</summary>
    public static bool WantsLoadBalancer(Service svc) => svc.Spec.Type == ServiceType.LoadBalancer && svc.Spec.LoadBalancerClass is null;

    public static bool HasFinalizer(Service svc) => svc.Metadata.Finalizers.Contains(CleanupFinalizer);

    /// <summary><c>needsCleanup</c>: the service holds the finalizer and is being deleted or no longer wants a load balancer.</summary>
    public static bool NeedsCleanup(Service svc) => HasFinalizer(svc) && (svc.Metadata.IsBeingDeleted || !WantsLoadBalancer(svc));

    /// <summary>The nodes a load balancer sends traffic to: Ready, not being deleted, not excluded by label; by name.</summary>
    public static ValueList<string> EligibleNodes(IEnumerable<Node> nodes) =>
        nodes.Where(n => n.IsReady && !n.Metadata.IsBeingDeleted && !n.Metadata.Labels.ContainsKey(ExcludeLabel))
            .Select(n => n.Metadata.Name)
            .Order(StringComparer.Ordinal)
            .ToValueList();

    /// <summary>
    /// The per-service retry delay after <paramref name="failures"/> failed attempts: 5 s doubling to at most 300 s.
    /// </summary>
    /// <remarks>failures 1 → 5 s, 2 → 10 s, 3 → 20 s, 6 → 160 s, 7 and more → 300 s.</remarks>
    public static long RetryDelayMillis(int failures) =>
        failures <= 1 ? InitialRetryMillis : Math.Min(MaxRetryMillis, InitialRetryMillis << Math.Min(failures - 1, 20));
}
