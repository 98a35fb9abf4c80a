namespace KubeKernel.Model;

/// <summary>A pod topology spread constraint.</summary>
/// <param name="MaxSkew"><c>maxSkew</c>: at least 1; the largest allowed difference between a domain's count of matching pods and the smallest count among eligible domains.</param>
/// <param name="TopologyKey"><c>topologyKey</c>: the node label whose values are the domains, e.g. <c>topology.kubernetes.io/zone</c>; nodes without it are not counted.</param>
/// <param name="WhenUnsatisfiable"><c>whenUnsatisfiable</c>: whether the constraint filters nodes or only scores them.</param>
/// <param name="LabelSelector"><c>labelSelector</c>: which pods are counted; null counts none.</param>
/// <param name="MinDomains"><c>minDomains</c>: with <c>DoNotSchedule</c>, while fewer eligible domains exist the smallest count is taken as 0; null means 1.</param>
/// <param name="NodeAffinityPolicy"><c>nodeAffinityPolicy</c>: whether the pod's node affinity and node selector limit the counted nodes; null means <c>Honor</c>.</param>
/// <param name="NodeTaintsPolicy"><c>nodeTaintsPolicy</c>: whether nodes with taints the pod does not tolerate are left out; null means <c>Ignore</c>.</param>
public sealed record TopologySpreadConstraint(
    int MaxSkew,
    string TopologyKey,
    UnsatisfiableConstraintAction WhenUnsatisfiable,
    LabelSelector? LabelSelector,
    int? MinDomains = null,
    NodeInclusionPolicy? NodeAffinityPolicy = null,
    NodeInclusionPolicy? NodeTaintsPolicy = null);
