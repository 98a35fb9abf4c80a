using KubeKernel.Collections;

namespace KubeKernel.Controllers.Jobs;

/// <summary>The Job controller's <c>podBackoffStore</c>: a back-off record per Job key (lost on restart, as in Kubernetes).</summary>
internal sealed record JobMemory(ValueMap<string, JobBackoffRecord> Backoff) : ControllerMemory
{
    public static JobMemory Empty { get; } = new(default(ValueMap<string, JobBackoffRecord>));

    public static JobMemory Of(ClusterState state) => state.MemoryOf<JobMemory>(JobController.Name) ?? Empty;
}
