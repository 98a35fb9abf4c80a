using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A node's spec: cordoned or not, its taints and pod CIDR.</summary>
/// <param name="Unschedulable"><c>spec.unschedulable</c>: cordoned; the scheduler places no new pods there, while pods already bound keep running.</param>
/// <param name="Taints"><c>spec.taints</c>: repel pods that do not tolerate them (NoSchedule, PreferNoSchedule) or evict them (NoExecute).</param>
/// <param name="PodCIDR"><c>spec.podCIDR</c>: the range the node's pod IPs come from; assigned when the node registers if null.</param>
public sealed record NodeSpec(bool Unschedulable, ValueList<Taint> Taints, string? PodCIDR = null);
