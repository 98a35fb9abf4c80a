using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A node's status: capacity, allocatable resources, conditions, addresses and cached images.</summary>
public sealed record NodeStatus(
    ValueMap<string, Quantity> Capacity,
    ValueMap<string, Quantity> Allocatable,
    ValueList<Condition> Conditions,
    ValueList<string> Addresses,
    ValueList<ContainerImage> Images);
