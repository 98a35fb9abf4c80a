using KubeKernel.Collections;

namespace KubeKernel.Scheduling;

/// <summary>The outcome of one scheduling cycle: the chosen node and its score, or the unschedulable message; with every node's verdict.</summary>
public sealed record ScheduleDecision(string? Node, long Score, int FeasibleNodes, string? Message, ValueList<NodeVerdict> Verdicts)
{
    public bool Scheduled => Node is not null;
}
