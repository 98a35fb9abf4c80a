using KubeKernel.Collections;

namespace KubeKernel.Controllers.PodGC;

/// <summary>PodGC's quarantine: when it first found each missing node that pods are still bound to.</summary>
internal sealed record PodGCMemory(ValueMap<string, long> MissingNodesSince) : ControllerMemory
{
    public static PodGCMemory Empty { get; } = new(default(ValueMap<string, long>));

    public static PodGCMemory Of(ClusterState state) => state.MemoryOf<PodGCMemory>(PodGCController.Name) ?? Empty;
}
