using System.Text.Json.Nodes;
using KubeKernel.Adapters.Serving.Host;
using KubeKernel.Adapters.Serving.Patching;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>Who a client write makes the owner of which fields: its field manager, recorded in the object's managedFields.</summary>
internal static class Ownership
{
    /// <summary>
    /// The request's field manager: the <c>fieldManager</c> parameter, else the client's user agent up to its first
    /// <c>/</c> (<c>kubectl</c>), as kube-apiserver names managers of requests that give none.
    /// </summary>
    public static string Manager(ResourceRequest request) =>
        request.Query("fieldManager") is { Length: > 0 } manager ? manager
        : request.Context.Request.Headers.UserAgent.ToString().Split('/')[0] is { Length: > 0 } agent ? agent
        : "unknown";

    /// <summary>The managedFields after a create, replace or non-apply patch from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static string? AfterUpdate(ResourceRequest request, JsonNode? before, JsonNode after) =>
        ManagedFields.Of(ServerSideApply.RecordUpdate(before, after.DeepClone(), Manager(request)));
}
