namespace KubeKernel.Model;

/// <summary>A pod topology spread constraint.</summary>
public sealed record TopologySpreadConstraint(
    int MaxSkew,
    string TopologyKey,
    UnsatisfiableConstraintAction WhenUnsatisfiable,
    LabelSelector? LabelSelector,
    int? MinDomains = null,
    NodeInclusionPolicy? NodeAffinityPolicy = null,
    NodeInclusionPolicy? NodeTaintsPolicy = null);
