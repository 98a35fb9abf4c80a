using System.Collections.Immutable;

namespace KubeKernel.Scheduling;

/// <summary>Why no node passed the filters (<c>framework.Diagnosis</c>): a PreFilter rejection, or each rejected node's status.</summary>
internal sealed record Diagnosis(int TotalNodes, Status? PreFilterRejection, IReadOnlyList<RejectedNode> RejectedNodes)
{
    /// <summary>The plugins that rejected the pod somewhere: the cluster events they registered decide when it is retried.</summary>
    public ImmutableSortedSet<string> UnschedulablePlugins =>
        PreFilterRejection is { } pre
            ? ImmutableSortedSet.Create(StringComparer.Ordinal, pre.Plugin)
            : RejectedNodes.Select(r => r.Status.Plugin).ToImmutableSortedSet(StringComparer.Ordinal);
}
