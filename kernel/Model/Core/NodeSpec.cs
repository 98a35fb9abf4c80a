using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A node's spec: cordoned or not, its taints and pod CIDR.</summary>
public sealed record NodeSpec(bool Unschedulable, ValueList<Taint> Taints, string? PodCIDR = null);
