namespace KubeKernel.Adapters.Serving.Storage;

/// <summary>One write of a commit: a put of the object's new JSON at <paramref name="Revision"/>, or a delete when <paramref name="Json"/> is null.</summary>
internal sealed record StoredWrite(string Key, long Revision, string? Json);
