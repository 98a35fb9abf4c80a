using System.Collections.Frozen;
using System.Text.Json.Nodes;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Host;
using Microsoft.AspNetCore.Http;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>Routes every request: version and health, discovery, OpenAPI, then the resources by path and verb.</summary>
internal sealed class ApiRouter(ClusterHost host, ApiResources resources, ServerVersion version)
{
    private static readonly FrozenSet<string> BodyMediaTypes =
        new[] { string.Empty, Negotiation.Json, "application/yaml", Protobuf.ProtobufBody.ContentType }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public Task Handle(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        if (method == HttpMethods.Get)
        {
            switch (path.TrimEnd('/'))
            {
                case "/version":
                    return HttpIo.Json(context, 200, version.ToJson());
                case "/healthz" or "/readyz" or "/livez":
                    return Health(context);
                case "/api":
                    return Negotiation.AggregatedDiscovery(context.Request.Headers.Accept) is { } v
                        ? HttpIo.Json(context, 200, Discovery.Aggregated(resources, core: true, v), Negotiation.DiscoveryContentType(v))
                        : HttpIo.Json(context, 200, Discovery.ApiVersions());
                case "/apis":
                    return Negotiation.AggregatedDiscovery(context.Request.Headers.Accept) is { } g
                        ? HttpIo.Json(context, 200, Discovery.Aggregated(resources, core: false, g), Negotiation.DiscoveryContentType(g))
                        : HttpIo.Json(context, 200, Discovery.ApiGroupList(resources));
                case "/openapi/v2":
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = OpenApi.V2ContentType;
                    return Task.CompletedTask;
                case "/openapi/v3":
                    return HttpIo.Json(context, 200, OpenApi.V3Root(resources));
            }

            if (path.StartsWith("/openapi/v3/", StringComparison.Ordinal))
            {
                return OpenApi.V3GroupVersion(resources, path["/openapi/v3/".Length..].TrimEnd('/')) is { } document
                    ? HttpIo.Json(context, 200, document)
                    : HttpIo.NotFound(context);
            }

            if (DiscoveryGroupVersion(path) is { } groupVersion)
            {
                return HttpIo.Json(context, 200, Discovery.ApiResourceList(resources, groupVersion));
            }
        }

        if (ResourcePath.Parse(path, (gv, r) => resources.Find(gv, r)?.Info.Namespaced) is not { } parsed
            || resources.Find(parsed.GroupVersion, parsed.Resource) is not { } resource)
        {
            return HttpIo.NotFound(context);
        }

        if (parsed.Subresource.Length > 0 && !resource.Subresources.Contains(parsed.Subresource))
        {
            return HttpIo.NotFound(context);
        }

        if (method is "POST" or "PUT" && !Decodable(context.Request.ContentType))
        {
            return HttpIo.Failure(context, 415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf");
        }

        // Events are the server's own records of what its components did; clients read them, they do not write them.
        if (resource.Info == ApiResources.Event && method != HttpMethods.Get)
        {
            return HttpIo.Failure(context, 405, "MethodNotAllowed", "events are recorded by the server's components and expire after an hour; clients cannot create, change or delete them");
        }

        var request = new ResourceRequest(context, parsed, resource, host);
        var collection = parsed.Name.Length == 0;
        return (method, collection) switch
        {
            ("GET", true) => ReadEndpoints.List(request),
            ("GET", false) => ReadEndpoints.Get(request),
            ("POST", true) when parsed.Subresource.Length == 0 => WriteEndpoints.Create(request),
            ("PUT", false) => WriteEndpoints.Replace(request),
            ("PATCH", false) => PatchEndpoint.Patch(request),
            ("DELETE", false) when parsed.Subresource.Length == 0 => WriteEndpoints.Delete(request),
            _ => HttpIo.Failure(context, 405, "MethodNotAllowed", $"the server does not allow this method on the requested resource"),
        };
    }

    /// <summary>
    /// Whether a create or replace body is in a media type there is a decoder for; without a Content-Type kube-apiserver
    /// reads JSON, its first media type. (PATCH bodies have their own types, checked by the patch endpoint.)
    /// </summary>
    private static bool Decodable(string? contentType) => BodyMediaTypes.Contains((contentType ?? string.Empty).Split(';')[0].Trim());

    private Task Health(HttpContext context)
    {
        var healthy = host.Failure is null;
        context.Response.StatusCode = healthy ? 200 : 500;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(healthy ? "ok" : $"[-]etcd failed: {host.Failure!.Message}", context.RequestAborted);
    }

    /// <summary><c>/api/v1</c> or <c>/apis/{group}/{version}</c> exactly: a group/version's legacy discovery document.</summary>
    private string? DiscoveryGroupVersion(string path)
    {
        var segments = path.Trim('/').Split('/');
        var groupVersion = segments switch
        {
            ["api", var v] => v,
            ["apis", var g, var v] => $"{g}/{v}",
            _ => null,
        };
        return groupVersion is not null && resources.GroupVersions.Contains(groupVersion) ? groupVersion : null;
    }
}
