using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Scheduling;

/// <summary>A node as the scheduler sees it: the Node, its pods, and the sums of their requests.</summary>
public sealed record NodeInfo(Node Node, ValueList<Pod> Pods, ResourceList Requested, ResourceList NonZeroRequested, ResourceList Allocatable)
{
    public string Name => Node.Metadata.Name;
}
