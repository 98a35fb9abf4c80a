using KubeKernel.Commands;
using KubeKernel.Store;

namespace KubeKernel.Adapters.Serving.Host;

/// <summary>What one batch of the serving loop did: the store writes to make durable, the replies to send, the Events to record.</summary>
internal sealed record BatchOutcome(
    IReadOnlyList<StoreChange> Changes,
    IReadOnlyDictionary<string, ApiResult> Replies,
    IReadOnlyList<(RecordEvent Command, long Now)> Events);
