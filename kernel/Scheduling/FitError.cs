namespace KubeKernel.Scheduling;

/// <summary>Formats the unschedulable message exactly as <c>FitError.Error</c> does.</summary>
/// <remarks>
/// Each rejected node contributes the reasons of the first filter that rejected it; equal reasons are counted, the
/// "count reason" entries are sorted as strings and joined with ", ". A PreFilter rejection replaces the histogram.
/// PostFilter's message (preemption) follows after a space. Examples:
/// <c>0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.</c>
/// <c>0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.</c>
/// </remarks>
internal static class FitError
{
    /// <summary><c>ErrNoNodesAvailable</c>.</summary>
    public const string NoNodes = "no nodes available to schedule pods";

    public static string Message(Diagnosis diagnosis, string? postFilterMessage)
    {
        if (diagnosis.TotalNodes == 0)
        {
            return NoNodes;
        }

        var text = $"0/{diagnosis.TotalNodes} nodes are available:";
        if (diagnosis.PreFilterRejection is { } pre)
        {
            text += $" {pre.Message}.";
        }
        else if (diagnosis.RejectedNodes.Count > 0)
        {
            text += $" {Histogram(diagnosis.RejectedNodes.SelectMany(r => r.Status.Reasons))}.";
        }

        return string.IsNullOrEmpty(postFilterMessage) ? text : $"{text} {postFilterMessage}";
    }

    /// <summary><c>"count reason"</c> entries for equal reasons, sorted as strings, joined with ", ".</summary>
    public static string Histogram(IEnumerable<string> reasons)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reason in reasons)
        {
            counts[reason] = counts.GetValueOrDefault(reason) + 1;
        }

        return string.Join(", ", counts.Select(p => $"{p.Value} {p.Key}").Order(StringComparer.Ordinal));
    }
}
