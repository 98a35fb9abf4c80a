using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A node's status: capacity, allocatable resources, conditions, addresses and cached images.</summary>
/// <param name="Capacity"><c>status.capacity</c>: the node's total resources by name (<c>cpu</c>, <c>memory</c>, <c>pods</c>, <c>ephemeral-storage</c>).</param>
/// <param name="Allocatable"><c>status.allocatable</c>: capacity minus what the system reserves; the scheduler fits pods' requests against this, not capacity.</param>
/// <param name="Conditions"><c>status.conditions</c>: <c>Ready</c> and the pressure conditions, with the kubelet's heartbeat in each condition's update time.</param>
/// <param name="Addresses">The node's IP addresses (Kubernetes' typed <c>status.addresses</c> reduced to the address); the first becomes its pods' <c>hostIP</c>.</param>
/// <param name="Images"><c>status.images</c>: images already on the node, for the ImageLocality score.</param>
public sealed record NodeStatus(
    ValueMap<string, Quantity> Capacity,
    ValueMap<string, Quantity> Allocatable,
    ValueList<Condition> Conditions,
    ValueList<string> Addresses,
    ValueList<ContainerImage> Images);
