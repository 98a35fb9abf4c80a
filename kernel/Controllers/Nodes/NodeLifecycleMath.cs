using System.Collections.Immutable;
using KubeKernel.Api.Admission;
using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Controllers.Nodes;

/// <summary>The node lifecycle controller's rules: which taints a node's conditions call for, zone states and eviction rates.</summary>
internal static class NodeLifecycleMath
{
    public const string NotReadyTaint = PodAdmission.NotReadyTaint;
    public const string UnreachableTaint = PodAdmission.UnreachableTaint;
    public const string UnschedulableTaint = "node.kubernetes.io/unschedulable";
    public const string MemoryPressureTaint = "node.kubernetes.io/memory-pressure";
    public const string DiskPressureTaint = "node.kubernetes.io/disk-pressure";
    public const string PidPressureTaint = "node.kubernetes.io/pid-pressure";
    public const string NetworkUnavailableTaint = "node.kubernetes.io/network-unavailable";

    /// <summary>A node with this label counts in no zone's disruption state.</summary>
    public const string ExcludeDisruptionLabel = "node.kubernetes.io/exclude-disruption";

    public const string RegionLabel = "topology.kubernetes.io/region";
    public const string ZoneLabel = "topology.kubernetes.io/zone";

    /// <summary><c>nodeConditionToTaintKeyStatusMap</c>: the NoSchedule taint each condition status calls for.</summary>
    private static readonly ImmutableArray<(string Condition, ConditionStatus Status, string Taint)> ConditionTaints =
    [
        (NodeConditionTypes.Ready, ConditionStatus.False, NotReadyTaint),
        (NodeConditionTypes.Ready, ConditionStatus.Unknown, UnreachableTaint),
        (NodeConditionTypes.MemoryPressure, ConditionStatus.True, MemoryPressureTaint),
        (NodeConditionTypes.DiskPressure, ConditionStatus.True, DiskPressureTaint),
        (NodeConditionTypes.NetworkUnavailable, ConditionStatus.True, NetworkUnavailableTaint),
        (NodeConditionTypes.PIDPressure, ConditionStatus.True, PidPressureTaint),
    ];

    /// <summary>
    /// <c>doNoScheduleTaintingPass</c>: the NoSchedule taint keys a node should carry, in order.
    /// </summary>
    /// <remarks>
    /// | Ready   | pressure      | unschedulable | taints                                   |
    /// |---------|---------------|---------------|------------------------------------------|
    /// | True    | none          | no            | (none)                                   |
    /// | Unknown | none          | no            | unreachable:NoSchedule                   |
    /// | False   | MemoryPressure| yes           | not-ready, memory-pressure, unschedulable |
    /// </remarks>
    public static IReadOnlyList<string> NoScheduleTaintKeys(Node node)
    {
        var keys = new List<string>();
        foreach (var condition in node.Status.Conditions)
        {
            foreach (var (type, status, taint) in ConditionTaints)
            {
                if (condition.Type == type && condition.Status == status)
                {
                    keys.Add(taint);
                }
            }
        }

        if (node.Spec.Unschedulable)
        {
            keys.Add(UnschedulableTaint);
        }

        return keys;
    }

    /// <summary>Whether the controller owns this NoSchedule taint (a condition taint or the unschedulable one).</summary>
    public static bool IsControllerNoScheduleTaint(Taint taint) =>
        taint.Effect == TaintEffect.NoSchedule && (taint.Key == UnschedulableTaint || ConditionTaints.Any(c => c.Taint == taint.Key));

    /// <summary>The NoExecute taint key the Ready condition calls for: not-ready (False), unreachable (Unknown), none otherwise.</summary>
    public static string? NoExecuteTaintKey(Node node) => node.ReadyCondition?.Status switch
    {
        ConditionStatus.False => NotReadyTaint,
        ConditionStatus.Unknown => UnreachableTaint,
        _ => null,
    };

    public static bool HasTaint(Node node, string key, TaintEffect effect) => node.Spec.Taints.Any(t => t.Key == key && t.Effect == effect);

    /// <summary><c>SwapNodeControllerTaint</c>: the taints with <paramref name="add"/> added (timeAdded = now) and <paramref name="remove"/> removed.</summary>
    public static ValueList<Taint> Swap(ValueList<Taint> taints, IEnumerable<Taint> add, IEnumerable<Taint> remove, long now)
    {
        var removed = remove.ToList();
        var result = taints.RemoveAll(t => removed.Any(r => r.Key == t.Key && r.Effect == t.Effect));
        foreach (var taint in add)
        {
            if (!result.Any(t => t.Key == taint.Key && t.Effect == taint.Effect))
            {
                result = result.Add(taint with { TimeAdded = now });
            }
        }

        return result;
    }

    /// <summary>
    /// <c>GetZoneKey</c>: region and zone labels; nodes without either share the zone "". Kubernetes joins them with
    /// <c>":\0:"</c>; the kernel prints <c>region:zone</c>.
    /// </summary>
    public static string ZoneKey(Node node)
    {
        var region = node.Metadata.Labels.GetValueOrDefault(RegionLabel) ?? string.Empty;
        var zone = node.Metadata.Labels.GetValueOrDefault(ZoneLabel) ?? string.Empty;
        return region.Length == 0 && zone.Length == 0 ? string.Empty : $"{region}:{zone}";
    }

    /// <summary>
    /// <c>ComputeZoneState</c> over the Ready conditions of a zone's nodes (a node without one counts as not ready).
    /// </summary>
    /// <remarks>
    /// | ready | not ready | state             |
    /// |-------|-----------|-------------------|
    /// | 0     | 1         | FullDisruption    |
    /// | 2     | 1         | Normal            |
    /// | 2     | 3         | PartialDisruption (3 > 2 and 3/5 ≥ 0.55) |
    /// | 3     | 3         | Normal (3/6 &lt; 0.55) |
    /// </remarks>
    public static ZoneState ComputeZoneState(int ready, int notReady, double unhealthyThreshold) =>
        (ready, notReady) switch
        {
            (0, > 0) => ZoneState.FullDisruption,
            (_, > 2) when (float)notReady / (notReady + ready) >= (float)unhealthyThreshold => ZoneState.PartialDisruption,
            _ => ZoneState.Normal,
        };

    /// <summary>
    /// <c>setLimiterInZone</c>: the NoExecute-tainting rate of a zone in a state (nodes per second).
    /// </summary>
    /// <remarks>
    /// | state             | zone size | rate (defaults)       |
    /// |-------------------|-----------|-----------------------|
    /// | Normal            | any       | 0.1 (one node / 10 s) |
    /// | FullDisruption    | any       | 0.1                   |
    /// | PartialDisruption | 51        | 0.01                  |
    /// | PartialDisruption | 50        | 0 (stop)              |
    /// </remarks>
    public static double EvictionRate(ZoneState state, int zoneSize, ClusterConfig config) => state switch
    {
        ZoneState.PartialDisruption => zoneSize > config.LargeClusterSizeThreshold ? config.SecondaryNodeEvictionRate : 0,
        _ => config.NodeEvictionRate,
    };

    /// <summary>The time between two tokens of a bucket at <paramref name="rate"/> per second.</summary>
    public static long IntervalMillis(double rate) => (long)Math.Round(1000 / rate);
}
