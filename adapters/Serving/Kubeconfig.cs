namespace KubeKernel.Adapters.Serving;

/// <summary>The kubeconfig that points kubectl at a running <c>serve</c>: one cluster, one context, namespace <c>default</c>, and a user when there is a token.</summary>
/// <remarks>
/// Without a token the context names no user at all rather than a user with no credentials (<c>user: {}</c>): kubectl reads
/// both the same way, but the C# KubernetesClient refuses a named user without credentials ("does not have appropriate auth
/// credentials in kubeconfig") and only skips authentication for a context without one.
/// </remarks>
internal static class Kubeconfig
{
    public static string For(Uri server, string? token, string? certificateAuthorityData = null)
    {
        var authority = certificateAuthorityData is null ? string.Empty : $"\n    certificate-authority-data: {certificateAuthorityData}";
        var contextUser = token is null ? string.Empty : "\n    user: kernel";
        var users = token is null ? "users: []" : $"users:\n- name: kernel\n  user: {{token: {token}}}";
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: kernel
              cluster:
                server: {server.GetLeftPart(UriPartial.Authority)}{authority}
            contexts:
            - name: kernel
              context:
                cluster: kernel{contextUser}
                namespace: default
            current-context: kernel
            {users}

            """;
    }
}
