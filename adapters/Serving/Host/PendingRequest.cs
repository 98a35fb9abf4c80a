using KubeKernel.Commands;
using KubeKernel.Events;

namespace KubeKernel.Adapters.Serving.Host;

/// <summary>A client's write waiting for the serving loop: the event it becomes and where its answer goes.</summary>
/// <param name="Event">The request as the kernel takes it.</param>
/// <param name="RequestId">The id the kernel's <c>Reply</c> carries.</param>
/// <param name="DryRun"><c>dryRun=All</c>: the kernel answers from the current state, nothing is kept.</param>
internal sealed record PendingRequest(ClusterEvent Event, string RequestId, bool DryRun)
{
    public TaskCompletionSource<ApiResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Whether the submitted object is big enough (over half of <see cref="ClusterHost.MaxObjectBytes"/>) that admission could
    /// take it over the store's limit: only such writes pay for the loop's size check.
    /// </summary>
    public bool MayBeTooLarge { get; init; }

    /// <summary>The object's managedFields once this write is made (JSON text), when the write names a field manager.</summary>
    public string? ManagedFields { get; init; }
}
