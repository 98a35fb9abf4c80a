using System.Collections.Immutable;
using KubeKernel.Model;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>
/// Filter (data locality): a pod whose persistent volume claims are bound to volumes labelled with a zone or region fits
/// only nodes in that zone or region.
/// </summary>
/// <remarks>
/// <para>
/// The volume's <c>topology.kubernetes.io/zone</c> and <c>/region</c> labels (and the legacy
/// <c>failure-domain.beta.kubernetes.io/…</c> ones) must match the node's; a value may list several zones separated by
/// <c>__</c>. A claim that is not found rejects the pod everywhere (<c>persistentvolumeclaim "data" not found</c>).
/// </para>
/// <para>
/// The kernel does not model StorageClasses: an unbound claim that names a storage class is treated as
/// <c>WaitForFirstConsumer</c> and skipped, as Kubernetes skips such claims here.
/// </para>
/// </remarks>
internal sealed class VolumeZone : IPreFilterPlugin, IFilterPlugin
{
    public const string Reason = "node(s) had no available volume zone";

    private static readonly Status Rejected = Status.Unresolvable(nameof(VolumeZone), Reason);

    private static readonly ImmutableArray<(string Key, string GaKey)> TopologyLabels =
    [
        ("topology.kubernetes.io/zone", "topology.kubernetes.io/zone"),
        ("topology.kubernetes.io/region", "topology.kubernetes.io/region"),
        ("failure-domain.beta.kubernetes.io/zone", "topology.kubernetes.io/zone"),
        ("failure-domain.beta.kubernetes.io/region", "topology.kubernetes.io/region"),
    ];

    public string Name => nameof(VolumeZone);

    public ClusterEvents EventsToRegister => ClusterEvents.NodeAdd | ClusterEvents.NodeUpdate | ClusterEvents.VolumeChange;

    public PluginResult PreFilter(CycleContext cycle)
    {
        var pod = cycle.Pod;
        if (pod.Spec.Volumes.IsEmpty)
        {
            return PluginResult.Skip;
        }

        var topologies = new List<VolumeTopology>();
        foreach (var volume in pod.Spec.Volumes)
        {
            if (volume.PersistentVolumeClaimName is not { } claimName)
            {
                continue;
            }

            if (claimName.Length == 0)
            {
                return Reject("PersistentVolumeClaim had no name");
            }

            if (cycle.Store.Get<PersistentVolumeClaim>(pod.Metadata.Namespace, claimName) is not { } claim)
            {
                return Reject($"persistentvolumeclaim \"{claimName}\" not found");
            }

            if (string.IsNullOrEmpty(claim.VolumeName))
            {
                if (string.IsNullOrEmpty(claim.StorageClassName))
                {
                    return Reject("PersistentVolumeClaim had no pv name and storageClass name");
                }

                continue;
            }

            if (cycle.Store.Get<PersistentVolume>(string.Empty, claim.VolumeName) is not { } volumeObject)
            {
                return Reject($"persistentvolume \"{claim.VolumeName}\" not found");
            }

            foreach (var (key, _) in TopologyLabels)
            {
                if (volumeObject.Metadata.Labels.TryGetValue(key, out var value))
                {
                    topologies.Add(new VolumeTopology(volumeObject.Metadata.Name, key, [.. value.Split("__", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]));
                }
            }
        }

        return topologies.Count == 0 ? PluginResult.Skip : PluginResult.Ok(topologies.ToImmutableArray());
    }

    public Status Filter(CycleContext cycle, object? state, NodeInfo node)
    {
        foreach (var topology in (ImmutableArray<VolumeTopology>)state!)
        {
            var labels = node.Labels;
            if (!labels.TryGetValue(topology.Key, out var value))
            {
                // A volume with only the legacy label still matches a node with the GA one.
                labels.TryGetValue(TopologyLabels.First(l => l.Key == topology.Key).GaKey, out value);
            }

            if (value is null || !topology.Values.Contains(value))
            {
                return cycle.Explain ? Rejected with { Detail = $"volume {topology.Volume} is in {topology.Key}={string.Join("__", topology.Values)}" } : Rejected;
            }
        }

        return Status.Success;
    }

    private PluginResult Reject(string message) => new(Status.Unresolvable(Name, message));
}
