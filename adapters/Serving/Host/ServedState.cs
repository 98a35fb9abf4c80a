using System.Collections.Immutable;
using k8s.Models;

namespace KubeKernel.Adapters.Serving.Host;

/// <summary>What reads see: the cluster after the last durable batch, and the Events recorded so far.</summary>
/// <remarks>Both are immutable, so any number of requests read one snapshot while the loop makes the next.</remarks>
/// <param name="Cluster">The kernel's state; its store revision is the list resourceVersion.</param>
/// <param name="Events">The recorded Events by <c>namespace/name</c>.</param>
/// <param name="Managed">Each object's managedFields.</param>
internal sealed record ServedState(ClusterState Cluster, ImmutableSortedDictionary<string, Corev1Event> Events, ManagedFields Managed)
{
    public long Revision => Cluster.Store.Revision;
}
