namespace KubeKernel.Adapters.Serving.Storage;

/// <summary>One object as a store holds it: its registry key, the revision that last wrote it, and its Kubernetes JSON.</summary>
/// <param name="Key">The etcd-style key, <c>/registry/deployments/default/web</c> (see <see cref="RegistryKeys"/>).</param>
/// <param name="Revision">The object's resourceVersion: the store revision of its last write.</param>
/// <param name="Json">The object as the API serves it (<c>apiVersion</c>, <c>kind</c>, metadata, spec, status).</param>
internal sealed record StoredObject(string Key, long Revision, string Json);
