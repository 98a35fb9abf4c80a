using KubeKernel.Model;

namespace KubeKernel.Scheduling;

/// <summary>One scheduling cycle of one pod, recorded in full: the outcome and every intermediate verdict and score.</summary>
/// <remarks>
/// Built by re-running the cycle on the cluster state it ran on (<see cref="Explain"/>); the cycle is a pure function of
/// that state, so the explanation is exactly the decision that was made.
/// </remarks>
internal sealed record SchedulingExplanation(Pod Pod, ScheduleResult Result, CycleRecorder Recorder, IReadOnlyList<string> Nodes, long Now)
{
    /// <summary>Runs <paramref name="pod"/>'s cycle against <paramref name="view"/> as the scheduler would, recording everything.</summary>
    public static SchedulingExplanation Explain(ClusterState view, Pod pod, SchedulerProfile? profile = null)
    {
        profile ??= SchedulerProfile.Default;
        var recorder = new CycleRecorder();
        var cycle = CycleContext.For(view, pod, profile) with { Explain = true };
        var result = SchedulingFramework.Schedule(cycle, profile, SchedulerMemory.Of(view, profile.SchedulerName).NextStartNodeIndex, recorder);
        return new SchedulingExplanation(pod, result, recorder, [.. view.SchedulerCache.Nodes.Select(n => n.Name)], view.Now);
    }
}
