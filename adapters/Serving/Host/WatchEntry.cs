namespace KubeKernel.Adapters.Serving.Host;

/// <summary>One change as a watch delivers it: <c>ADDED</c>, <c>MODIFIED</c> or <c>DELETED</c>, at a store revision.</summary>
internal sealed record WatchEntry(long Revision, string Type, ServedItem Item);
