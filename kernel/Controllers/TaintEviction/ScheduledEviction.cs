namespace KubeKernel.Controllers.TaintEviction;

/// <summary>A pod's pending eviction: which pod (by UID), when the controller first saw it tolerating a NoExecute taint, and when it goes.</summary>
internal sealed record ScheduledEviction(string Uid, long CreatedAt, long FireAt);
