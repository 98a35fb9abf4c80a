using KubeKernel.Model;

namespace KubeKernel.Controllers.Jobs;

/// <summary>The pods one sync deletes or creates (never both), and when to look again if creating had to wait for the back-off.</summary>
/// <remarks>
/// <c>ReadyDeleted</c> counts deleted pods that were ready, so <c>status.ready</c> can drop at once, as Kubernetes'
/// <c>deleteJobPods</c> decrements it per successful delete.
/// </remarks>
internal sealed record JobPodChanges(IReadOnlyList<Write> Deletes, IReadOnlyList<Write> Creates, int ReadyDeleted, long? RequeueAfterMillis)
{
    public static JobPodChanges None { get; } = new([], [], 0, null);

    public int Deleted => Deletes.Count;

    public int Created => Creates.Count;

    /// <summary><c>deleteJobPods</c>: a delete per pod (guarded by its UID), reporting <c>SuccessfulDelete</c>.</summary>
    public static JobPodChanges Delete(JobSyncContext sync, IReadOnlyList<Pod> pods) =>
        new(
            [.. pods.Select(pod => new DeleteObject(pod.Key, pod.Metadata.Uid, OnSuccess: sync.Event("SuccessfulDelete", $"Deleted pod: {pod.Metadata.Name}")))],
            [],
            pods.Count(p => p.IsReady),
            null);

    /// <summary>A pod per entry, with that completion index (null for a NonIndexed Job), reporting <c>SuccessfulCreate</c>.</summary>
    public static JobPodChanges Create(JobSyncContext sync, IReadOnlyList<int?> indexes) =>
        new(
            [],
            [.. indexes.Select(index => new CreateObject(JobPodTemplate.NewPod(sync.Job, index), sync.Event("SuccessfulCreate", "Created pod: {name}")))],
            0,
            null);
}
