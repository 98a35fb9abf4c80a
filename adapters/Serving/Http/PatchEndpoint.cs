using System.Text.Json.Nodes;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Patching;
using KubeKernel.Events;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>PATCH of an object or its <c>scale</c>/<c>status</c>, in the four patch types kubectl sends.</summary>
/// <remarks>
/// A merge, JSON or strategic merge patch is applied to the object as last stored and sent as an update guarded by
/// that resourceVersion; when another write came first (409 Conflict) it is applied again to the new object, as
/// kube-apiserver retries a patch. An apply patch (<c>kubectl apply --server-side</c>) creates the object when absent.
/// </remarks>
internal static class PatchEndpoint
{
    /// <summary>How often a patch is re-applied after losing a race with another write.</summary>
    public const int Attempts = 5;

    public static async Task Patch(ResourceRequest request)
    {
        if (await HttpIo.ReadBody(request.Context).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        var contentType = (request.Context.Request.ContentType ?? string.Empty).Split(';')[0].Trim();
        var (patch, error) = ObjectDecoder.Parse(HttpIo.Text(body));
        if (error is not null)
        {
            await HttpIo.Failure(request.Context, 400, "BadRequest", $"error decoding patch: {error}").ConfigureAwait(false);
            return;
        }

        if (contentType == "application/apply-patch+yaml")
        {
            if (await WriteEndpoints.Decode(request, patch, request.Name).ConfigureAwait(false) is { } applied)
            {
                var result = await request.Host.Send(id => new ObjectSubmitted(id, applied, SubmitVerb.Apply), request.DryRun).ConfigureAwait(false);
                await WriteEndpoints.Answer(request, result, request.Name).ConfigureAwait(false);
            }

            return;
        }

        if (contentType is not ("application/merge-patch+json" or "application/strategic-merge-patch+json" or "application/json-patch+json"))
        {
            await HttpIo.Failure(request.Context, 415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json").ConfigureAwait(false);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            if (request.Find(request.Host.Current) is not { Object: { } current })
            {
                await request.NotFound().ConfigureAwait(false);
                return;
            }

            var scale = request.Path.Subresource == "scale";
            JsonNode? patched;
            try
            {
                patched = Apply(contentType, scale ? Http.ScaleBody.From(current) : WireCodec.ToNode(Manifests.KernelToWire.Map(current)), patch, scale ? "Scale" : current.Kind);
            }
            catch (PatchException e)
            {
                await (e.Code == PatchException.BadRequest
                    ? HttpIo.Failure(request.Context, 400, "BadRequest", e.Message)
                    : HttpIo.Json(request.Context, 422, StatusBody.Failure(422, "Invalid", "the server rejected our request due to an error in our request", request.Resource, request.Name, [e.Message]))).ConfigureAwait(false);
                return;
            }

            if (scale)
            {
                await WriteEndpoints.Scale(request, patched).ConfigureAwait(false);
                return;
            }

            if (await WriteEndpoints.Decode(request, patched, request.Name).ConfigureAwait(false) is not { } obj)
            {
                return;
            }

            var verb = request.Path.Subresource == "status" ? SubmitVerb.UpdateStatus : SubmitVerb.Update;
            var guarded = obj with { Metadata = obj.Metadata with { ResourceVersion = current.Metadata.ResourceVersion } };
            var result = await request.Host.Send(id => new ObjectSubmitted(id, guarded, verb), request.DryRun).ConfigureAwait(false);
            if (result.Reason != "Conflict" || attempt == Attempts)
            {
                await WriteEndpoints.Answer(request, result, request.Name).ConfigureAwait(false);
                return;
            }
        }
    }

    private static JsonNode? Apply(string contentType, JsonNode target, JsonNode? patch, string kind) => contentType switch
    {
        "application/merge-patch+json" => JsonMergePatch.Apply(target, patch),
        "application/json-patch+json" => patch is JsonArray operations ? JsonPatch.Apply(target, operations) : throw new PatchException("json patch must be an array of operations", PatchException.BadRequest),
        _ => StrategicMergePatch.Apply(target, patch, kind),
    };
}
