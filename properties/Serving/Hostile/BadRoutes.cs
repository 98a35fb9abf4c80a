using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using static KubeKernel.Properties.Serving.Hostile.HostileObjects;

namespace KubeKernel.Properties.Serving.Hostile;

/// <summary>Requests refused for where and how they are sent: unknown paths and verbs, content types, query parameters.</summary>
internal static class BadRoutes
{
    /// <summary>Paths no resource lives at (404), including an object that does not exist and a subresource it lacks.</summary>
    /// <remarks>No <c>..</c>: the client folds dot segments away, and what is left may well exist.</remarks>
    public static readonly Gen<HostileRequest> UnknownPaths =
        from template in Gen.Elements(
            "/{0}", "/api/v2/{0}", "/apis/{0}.example.com/v1/namespaces/default/things", "/apis/apps/v1/namespaces/default/{0}",
            "/api/v1/namespaces/default/{0}s", "/apis/apps/v9/namespaces/default/deployments", Web + "/{0}", Web + "/scale/{0}",
            Deployments + "/{0}", Services + "/{0}/scale", "/api/v1/namespaces/default/pods/{0}/a/b/c", "/apis/apps/v1/namespaces//deployments")
        from word in Gen.Elements("frob", "nope-1", "x%2Fy", "caf%C3%A9", "a b")
        from method in Gen.Elements("GET", "DELETE")
        select new HostileRequest($"unknown path {template}", new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, template, word), null, null, [404]);

    /// <summary>Verbs the resource does not offer at that path (405).</summary>
    public static readonly Gen<HostileRequest> UnknownVerbs =
        from request in Gen.Elements<(string Method, string Path)>(
            ("POST", Web), ("PUT", Deployments), ("PATCH", Deployments), ("POST", Web + "/status"), ("POST", Web + "/scale"),
            ("DELETE", Web + "/scale"), ("PURGE", Web), ("FROB", Deployments), ("COPY", WebService), ("LOCK", Services))
        select new HostileRequest($"{request.Method} on {request.Path}", new HttpMethod(request.Method), request.Path,
            Utf8(Deployment("web")), "application/json", [405]);

    /// <summary>Creates and replaces in a media type kube-apiserver has no decoder for (415).</summary>
    public static readonly Gen<HostileRequest> WrongContentTypes =
        from contentType in Gen.Elements("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "image/png", "application/cbor-seq", "garbage")
        from method in Gen.Elements("POST", "PUT")
        select new HostileRequest($"{method} as {contentType}", new HttpMethod(method), method == "POST" ? Deployments : Web,
            Utf8(Deployment(method == "POST" ? "probe" : "web")), contentType, [415]);

    /// <summary>Label and field selectors that do not parse, or name a field the resource cannot be selected by (400).</summary>
    public static readonly Gen<HostileRequest> BadSelectors =
        from selector in Gen.Elements(
            "labelSelector=app%20in%20(", "labelSelector=!", "labelSelector==web", "labelSelector=a%20b",
            "labelSelector=app%3Dweb%20web", "labelSelector=app%3D!x", "labelSelector=%25%25", "labelSelector=app%20notin%20web",
            "fieldSelector=spec.replicas%3D1", "fieldSelector=metadata.name", "fieldSelector=%3Dweb", "fieldSelector=status.phase%3DRunning",
            "fieldSelector=metadata.labels%3Dx")
        from watch in Gen.Elements(string.Empty, "&watch=true&timeoutSeconds=1")
        select Get($"selector {selector}{watch}", $"{Deployments}?{selector}{watch}");

    /// <summary>Continue tokens this server did not issue (400).</summary>
    public static readonly Gen<HostileRequest> BadContinueTokens =
        from token in Gen.Elements("!!!", "abc", "%25%25%25", "Zm9v", "____", "eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ", "%2F%2F8%3D")
        select Get($"continue token {token}", $"{Deployments}?limit=1&continue={token}");

    /// <summary>Watches from a resourceVersion that is not a revision (400).</summary>
    public static readonly Gen<HostileRequest> BadWatchVersions =
        from version in Gen.Elements("abc", "-1", "1.5", "1e3", "99999999999999999999999", "%20", "0x10")
        select Get($"watch from resourceVersion {version}", $"{Deployments}?watch=true&timeoutSeconds=1&resourceVersion={version}");

    private static HostileRequest Get(string @case, string path) => new(@case, HttpMethod.Get, path, null, null, [400]);
}
