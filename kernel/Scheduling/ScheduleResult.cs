namespace KubeKernel.Scheduling;

/// <summary>The outcome of one scheduling cycle: the chosen node and its score, or the unschedulable message and the preemption outcome.</summary>
/// <remarks><see cref="NextStartNodeIndex"/> is where the next cycle starts examining nodes (<c>nextStartNodeIndex</c>).</remarks>
internal sealed record ScheduleResult(
    string? SelectedNode,
    long Score,
    int FeasibleNodes,
    int EvaluatedNodes,
    int NextStartNodeIndex,
    Diagnosis? Diagnosis,
    PostFilterResult? PostFilter,
    string? Message)
{
    public bool Scheduled => SelectedNode is not null;
}
