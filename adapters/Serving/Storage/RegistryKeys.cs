namespace KubeKernel.Adapters.Serving.Storage;

/// <summary>The keys kube-apiserver stores objects under in etcd: <c>/registry/&lt;resource&gt;/&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
/// <remarks>Cluster-scoped objects drop the namespace segment (<c>/registry/nodes/node-1</c>), as kube-apiserver does.</remarks>
internal static class RegistryKeys
{
    public const string Prefix = "/registry/";

    public static string For(string resource, string @namespace, string name) =>
        @namespace.Length == 0 ? $"{Prefix}{resource}/{name}" : $"{Prefix}{resource}/{@namespace}/{name}";
}
