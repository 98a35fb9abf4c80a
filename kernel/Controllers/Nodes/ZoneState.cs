namespace KubeKernel.Controllers.Nodes;

/// <summary>A zone's health as the node lifecycle controller classifies it (<c>ComputeZoneState</c>).</summary>
internal enum ZoneState
{
    /// <summary>Not disrupted: NoExecute taints go on at <c>--node-eviction-rate</c>.</summary>
    Normal,

    /// <summary>More than 2 nodes and at least 55% of them not ready: evictions slow down (or stop in small zones).</summary>
    PartialDisruption,

    /// <summary>No node ready: the normal rate, unless every zone is fully disrupted ("master disruption mode").</summary>
    FullDisruption,
}
