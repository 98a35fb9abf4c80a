using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Scheduling;

/// <summary>One scheduling cycle's inputs: the pod, its precomputed requests, and every node's info.</summary>
public sealed record SchedulingContext(Pod Pod, ResourceList Request, ResourceList NonZeroRequest, ValueList<NodeInfo> Nodes, ClusterState View);
