namespace KubeKernel.Adapters.Serving;

/// <summary>The kubeconfig that points kubectl at a running <c>serve</c>: one cluster, one user, one context, namespace <c>default</c>.</summary>
internal static class Kubeconfig
{
    public static string For(Uri server, string? token) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: kernel
          cluster:
            server: {server.GetLeftPart(UriPartial.Authority)}
        contexts:
        - name: kernel
          context:
            cluster: kernel
            user: kernel
            namespace: default
        current-context: kernel
        users:
        - name: kernel
          user: {(token is null ? "{}" : $"{{token: {token}}}")}

        """;
}
