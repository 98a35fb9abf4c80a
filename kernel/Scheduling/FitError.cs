namespace KubeKernel.Scheduling;

/// <summary>Formats the unschedulable message exactly as <c>FitError.Error</c> does, including the preemption part.</summary>
/// <remarks>
/// Each node contributes the reasons of the first filter that rejected it; equal reasons are counted, the
/// "count reason" entries are sorted as strings and joined with ", ". Example:
/// <c>0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.</c>
/// </remarks>
public static class FitError
{
    public const string NoNodes = "no nodes available to schedule pods";

    public static string Message(int totalNodes, IReadOnlyList<Status> rejections)
    {
        if (totalNodes == 0)
        {
            return NoNodes;
        }

        var histogram = Histogram(rejections.SelectMany(s => s.Reasons));
        var preemption = Histogram(rejections.Select(s => s.Code == StatusCode.UnschedulableAndUnresolvable
            ? "Preemption is not helpful for scheduling"
            : "No preemption victims found for incoming pod"));
        return $"0/{totalNodes} nodes are available: {histogram}. preemption: 0/{totalNodes} nodes are available: {preemption}.";
    }

    private static string Histogram(IEnumerable<string> reasons) =>
        string.Join(", ", reasons
            .GroupBy(r => r, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}")
            .Order(StringComparer.Ordinal));
}
