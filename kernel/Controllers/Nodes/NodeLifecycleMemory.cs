using KubeKernel.Collections;

namespace KubeKernel.Controllers.Nodes;

/// <summary>What the node lifecycle controller keeps in memory: one NoExecute-tainting rate limiter per zone.</summary>
/// <remarks>A restart loses it, as in Kubernetes: every bucket starts full again.</remarks>
internal sealed record NodeLifecycleMemory(ValueMap<string, ZoneLimiter> Zones) : ControllerMemory
{
    public static NodeLifecycleMemory Empty { get; } = new(default(ValueMap<string, ZoneLimiter>));

    public static NodeLifecycleMemory Of(ClusterState state) => state.MemoryOf<NodeLifecycleMemory>(NodeLifecycleController.Name) ?? Empty;
}
