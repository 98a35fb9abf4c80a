using System.Text.Json.Nodes;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Patching;
using KubeKernel.Commands;
using KubeKernel.Events;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>PATCH of an object or its <c>scale</c>/<c>status</c>, in the four patch types kubectl sends.</summary>
/// <remarks>
/// Every patch is applied to the object as last stored and sent as an update guarded by that resourceVersion; when
/// another write came first (409 Conflict) it is applied again to the new object, as kube-apiserver retries a patch. An
/// apply patch (<c>kubectl apply --server-side</c>) merges by field ownership, answers 409 when it would change a field
/// another manager owns (unless <c>force=true</c>), and creates the object when it is absent.
/// </remarks>
internal static class PatchEndpoint
{
    /// <summary>How often a patch is re-applied after losing a race with another write.</summary>
    public const int Attempts = 5;

    private const string ApplyPatch = "application/apply-patch+yaml";

    private static readonly string[] PatchTypes = ["application/merge-patch+json", "application/strategic-merge-patch+json", "application/json-patch+json", ApplyPatch];

    public static async Task Patch(ResourceRequest request)
    {
        if (await HttpIo.ReadBody(request.Context).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        var contentType = (request.Context.Request.ContentType ?? string.Empty).Split(';')[0].Trim();
        if (!PatchTypes.Contains(contentType))
        {
            await HttpIo.Failure(request.Context, 415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json").ConfigureAwait(false);
            return;
        }

        var (patch, error) = ObjectDecoder.Parse(HttpIo.Text(body));
        if (error is not null)
        {
            await HttpIo.Failure(request.Context, 400, "BadRequest", $"error decoding patch: {error}").ConfigureAwait(false);
            return;
        }

        if (contentType == ApplyPatch && request.Path.Subresource.Length > 0)
        {
            await HttpIo.Failure(request.Context, 415, "UnsupportedMediaType", $"apply patches are not supported on the {request.Path.Subresource} subresource").ConfigureAwait(false);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            var current = request.Find(request.Host.Current);
            if (current?.Object is null && contentType != ApplyPatch)
            {
                await request.NotFound().ConfigureAwait(false);
                return;
            }

            var result = contentType == ApplyPatch
                ? await ServerSideApply(request, current?.ToJson(), patch).ConfigureAwait(false)
                : await Update(request, contentType, current!, patch).ConfigureAwait(false);
            if (result is null)
            {
                return;
            }

            if (result.Reason != "Conflict" || attempt == Attempts || result.Causes.Count > 0)
            {
                await WriteEndpoints.Answer(request, result, request.Name).ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>A merge, JSON or strategic merge patch as an update of <paramref name="current"/>; null when it was refused (answered).</summary>
    private static async Task<ApiResult?> Update(ResourceRequest request, string contentType, Host.ServedItem current, JsonNode? patch)
    {
        var obj = current.Object!;
        var scale = request.Path.Subresource == "scale";
        var before = current.ToJson();
        JsonNode? patched;
        try
        {
            patched = Apply(contentType, scale ? ScaleBody.From(obj) : before.DeepClone(), patch, scale ? "Scale" : obj.Kind);
        }
        catch (PatchException e)
        {
            await (e.Code == PatchException.BadRequest
                ? HttpIo.Failure(request.Context, 400, "BadRequest", e.Message)
                : HttpIo.Json(request.Context, 422, StatusBody.Failure(422, "Invalid", "the server rejected our request due to an error in our request", request.Resource, request.Name, [e.Message]))).ConfigureAwait(false);
            return null;
        }

        if (scale)
        {
            await WriteEndpoints.Scale(request, patched).ConfigureAwait(false);
            return null;
        }

        if (await WriteEndpoints.Decode(request, patched, request.Name).ConfigureAwait(false) is not { Object: { } decoded } read)
        {
            return null;
        }

        var status = request.Path.Subresource == "status";
        var guarded = decoded with { Metadata = decoded.Metadata with { ResourceVersion = obj.Metadata.ResourceVersion } };
        var fields = status ? null : Ownership.AfterUpdate(request, before, read.Wire!);
        return await request.Host.Send(id => new ObjectSubmitted(id, guarded, status ? SubmitVerb.UpdateStatus : SubmitVerb.Update), request.DryRun, fields).ConfigureAwait(false);
    }

    /// <summary>Server-side apply onto <paramref name="live"/> (null: the object is created); null when it was refused (answered).</summary>
    private static async Task<ApiResult?> ServerSideApply(ResourceRequest request, JsonNode? live, JsonNode? applied)
    {
        if (applied is not JsonObject config)
        {
            await HttpIo.Failure(request.Context, 400, "BadRequest", "error decoding patch: an apply patch must be an object").ConfigureAwait(false);
            return null;
        }

        if (request.Query("fieldManager") is not { Length: > 0 } manager)
        {
            await HttpIo.Failure(request.Context, 422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch").ConfigureAwait(false);
            return null;
        }

        ApplyResult result;
        try
        {
            result = Patching.ServerSideApply.Apply(live, config, manager, request.Query("force") == "true", request.Resource.Info.Kind);
        }
        catch (PatchException e)
        {
            await HttpIo.Failure(request.Context, e.Code, e.Code == PatchException.BadRequest ? "BadRequest" : "Invalid", e.Message).ConfigureAwait(false);
            return null;
        }

        if (result.Conflict is { } conflict)
        {
            await HttpIo.Json(request.Context, 409, conflict.ToStatus()).ConfigureAwait(false);
            return null;
        }

        if (await WriteEndpoints.Decode(request, result.Object, request.Name).ConfigureAwait(false) is not { Object: { } obj })
        {
            return null;
        }

        var fields = Host.ManagedFields.Of(result.Object);
        var submitted = live is null
            ? new Func<string, ClusterEvent>(id => new ObjectSubmitted(id, obj, SubmitVerb.Create))
            : id => new ObjectSubmitted(id, obj with { Metadata = obj.Metadata with { ResourceVersion = long.Parse(live["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) } }, SubmitVerb.Update);
        var answer = await request.Host.Send(submitted, request.DryRun, fields).ConfigureAwait(false);
        // Two applies may race to create the object: the loser applies again, onto the winner's object.
        return live is null && answer.Reason == "AlreadyExists" ? answer with { Reason = "Conflict" } : answer;
    }

    private static JsonNode? Apply(string contentType, JsonNode target, JsonNode? patch, string kind) => contentType switch
    {
        "application/merge-patch+json" => JsonMergePatch.Apply(target, patch),
        "application/json-patch+json" => patch is JsonArray operations ? JsonPatch.Apply(target, operations) : throw new PatchException("json patch must be an array of operations", PatchException.BadRequest),
        _ => StrategicMergePatch.Apply(target, patch, kind),
    };
}
