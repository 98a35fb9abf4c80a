namespace KubeKernel.Adapters.Serving.Api;

/// <summary>A resource request's path, taken apart: <c>/apis/apps/v1/namespaces/default/deployments/web/scale</c>.</summary>
/// <param name="GroupVersion"><c>v1</c> under <c>/api</c>, <c>apps/v1</c> under <c>/apis</c>.</param>
/// <param name="Namespace">The namespace segment, or empty (a cluster-scoped resource, or a list across namespaces).</param>
/// <param name="Resource">The plural resource name.</param>
/// <param name="Name">The object's name, or empty for the collection.</param>
/// <param name="Subresource"><c>status</c>, <c>scale</c> …, or empty.</param>
internal sealed record ResourcePath(string GroupVersion, string Namespace, string Resource, string Name, string Subresource)
{
    /// <summary>Parses a path under <c>/api/v1</c> or <c>/apis/{group}/{version}</c>; null when it is not a resource path.</summary>
    /// <param name="path">The request path.</param>
    /// <param name="namespaced">Whether a resource of the group/version is namespaced (it decides whether <c>namespaces/x/…</c> is a namespace's subresource or a scope).</param>
    public static ResourcePath? Parse(string path, Func<string, string, bool?> namespaced)
    {
        var segments = path.Trim('/').Split('/');
        int rest;
        string groupVersion;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            groupVersion = segments[1];
            rest = 2;
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            groupVersion = $"{segments[1]}/{segments[2]}";
            rest = 3;
        }
        else
        {
            return null;
        }

        var parts = segments[rest..];
        if (parts.Any(p => p.Length == 0))
        {
            return null;
        }

        // namespaces/{ns}/{resource}/… is a namespaced request when {resource} is a namespaced resource of this group/version;
        // otherwise namespaces/{name}/{subresource} is a Namespace's own (finalize, status).
        if (parts.Length >= 3 && parts[0] == "namespaces" && namespaced(groupVersion, parts[2]) == true)
        {
            return parts.Length > 5 ? null : new ResourcePath(groupVersion, parts[1], parts[2], parts.ElementAtOrDefault(3) ?? string.Empty, parts.ElementAtOrDefault(4) ?? string.Empty);
        }

        return parts.Length > 3 ? null : new ResourcePath(groupVersion, string.Empty, parts[0], parts.ElementAtOrDefault(1) ?? string.Empty, parts.ElementAtOrDefault(2) ?? string.Empty);
    }
}
