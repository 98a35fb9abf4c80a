using System.Globalization;
using System.Text.Json.Nodes;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Host;
using KubeKernel.Adapters.Serving.Protobuf;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Model;
using Microsoft.AspNetCore.Http;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>POST, PUT and DELETE of an object, and PUT of its <c>scale</c> and <c>status</c>: each one kernel request.</summary>
internal static class WriteEndpoints
{
    public static async Task Create(ResourceRequest request)
    {
        if (await Decode(request, name: string.Empty).ConfigureAwait(false) is not { Object: { } obj } decoded)
        {
            return;
        }

        var fields = Ownership.AfterUpdate(request, before: null, decoded.Wire!);
        await Answer(request, await request.Host.Send(id => new ObjectSubmitted(id, obj, SubmitVerb.Create), request.DryRun, fields).ConfigureAwait(false), obj.Metadata.Name).ConfigureAwait(false);
    }

    public static async Task Replace(ResourceRequest request)
    {
        switch (request.Path.Subresource)
        {
            case "scale":
                await ReplaceScale(request).ConfigureAwait(false);
                return;
            case "status" or "":
                if (await Decode(request, request.Name).ConfigureAwait(false) is { Object: { } obj } decoded)
                {
                    var status = request.Path.Subresource == "status";
                    var fields = status ? null : Ownership.AfterUpdate(request, request.Find(request.Host.Current)?.ToJson(), decoded.Wire!);
                    await Answer(request, await request.Host.Send(id => new ObjectSubmitted(id, obj, status ? SubmitVerb.UpdateStatus : SubmitVerb.Update), request.DryRun, fields).ConfigureAwait(false), request.Name).ConfigureAwait(false);
                }

                return;
            default:
                await HttpIo.NotFound(request.Context).ConfigureAwait(false);
                return;
        }
    }

    public static async Task Delete(ResourceRequest request)
    {
        if (await HttpIo.ReadBody(request.Context).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        if (DeleteOptions.Read(body) is not { } options)
        {
            await HttpIo.Failure(request.Context, 400, "BadRequest", "the body of the request is not valid DeleteOptions: it must be a JSON object whose propagationPolicy is a string, gracePeriodSeconds an integer and dryRun a list of strings").ConfigureAwait(false);
            return;
        }

        var policyText = options.PropagationPolicy ?? request.Query("propagationPolicy");
        DeletionPropagation propagation;
        switch (policyText)
        {
            case null or "" or "Background":
                propagation = DeletionPropagation.Background;
                break;
            case "Foreground":
                propagation = DeletionPropagation.Foreground;
                break;
            case "Orphan":
                propagation = DeletionPropagation.Orphan;
                break;
            default:
                await HttpIo.Failure(request.Context, 422, "Invalid", $"DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"{policyText}\": supported values: \"Foreground\", \"Background\", \"Orphan\"").ConfigureAwait(false);
                return;
        }

        var grace = options.GracePeriodSeconds
            ?? (long.TryParse(request.Query("gracePeriodSeconds"), NumberStyles.None, CultureInfo.InvariantCulture, out var fromQuery) ? fromQuery : null);
        var dryRun = request.DryRun || options.DryRun.Contains("All");
        var key = new ObjectKey(request.Resource.Info.Kind, request.Resource.Info.Namespaced ? request.Namespace : string.Empty, request.Name);
        await Answer(request, await request.Host.Send(id => new ObjectDeleted(id, key, propagation, grace), dryRun).ConfigureAwait(false), request.Name).ConfigureAwait(false);
    }

    /// <summary>Reads the body as an object of the request's resource; null when it was refused (the Status has been sent).</summary>
    public static async Task<DecodedObject?> Decode(ResourceRequest request, string name)
    {
        if (await HttpIo.ReadBody(request.Context).ConfigureAwait(false) is not { } body)
        {
            return null;
        }

        var (node, error) = IsProtobuf(request) ? ProtobufNode(body) : ObjectDecoder.Parse(HttpIo.Text(body));
        if (error is not null)
        {
            await HttpIo.Failure(request.Context, 400, "BadRequest", $"the object provided is unrecognized (must be of type {request.Resource.Info.Kind}): couldn't get version/kind; json parse error: {error}").ConfigureAwait(false);
            return null;
        }

        return await Decode(request, node, name).ConfigureAwait(false);
    }

    /// <summary>kubectl 1.32 and later send some creates (<c>create deployment</c>, <c>create job</c>) as protobuf.</summary>
    private static bool IsProtobuf(ResourceRequest request) =>
        (request.Context.Request.ContentType ?? string.Empty).StartsWith(ProtobufBody.ContentType, StringComparison.Ordinal);

    private static (JsonNode? Node, string? Error) ProtobufNode(byte[] body)
    {
        try
        {
            return (ProtobufBody.Decode(body), null);
        }
        catch (ProtobufException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Checks a parsed body against the request's resource; null when it was refused (the Status has been sent).</summary>
    public static async Task<DecodedObject?> Decode(ResourceRequest request, JsonNode? node, string name)
    {
        var decoded = ObjectDecoder.Decode(node, request.Resource, request.Namespace, name, request.Validation);
        if (decoded.Error is not null)
        {
            await HttpIo.Json(request.Context, decoded.Error["code"]!.GetValue<int>(), decoded.Error).ConfigureAwait(false);
            return null;
        }

        foreach (var warning in decoded.Warnings)
        {
            request.Context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        return decoded;
    }

    /// <summary>Sends the kernel's answer: the object as stored (201 on create), or the Status of the failure.</summary>
    public static Task Answer(ResourceRequest request, ApiResult result, string name) =>
        result.IsSuccess && result.Object is { } stored
            ? HttpIo.Json(request.Context, result.Code, ServedItem.Of(request.Resource, stored, request.Host.Current.Managed).ToJsonText())
            : HttpIo.Failure(request.Context, result, request.Resource, name);

    private static async Task ReplaceScale(ResourceRequest request)
    {
        if (!request.Resource.HasScale)
        {
            await HttpIo.NotFound(request.Context).ConfigureAwait(false);
            return;
        }

        if (await HttpIo.ReadBody(request.Context).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        var (scale, error) = ObjectDecoder.Parse(HttpIo.Text(body));
        if (error is not null || scale?["spec"]?["replicas"] is JsonNode replicas && !(replicas is JsonValue v && v.TryGetValue<int>(out _)))
        {
            await HttpIo.Failure(request.Context, 400, "BadRequest", $"Scale in version \"v1\" cannot be handled as a Scale: {error ?? "spec.replicas must be an integer"}").ConfigureAwait(false);
            return;
        }

        await Scale(request, scale).ConfigureAwait(false);
    }

    /// <summary>The object as a scale to <paramref name="replicas"/> leaves it: what the scaler comes to own is <c>spec.replicas</c>.</summary>
    private static JsonNode Replicas(JsonNode before, int replicas)
    {
        var after = before.DeepClone();
        after["spec"]!["replicas"] = replicas;
        return after;
    }

    /// <summary>Sets the replicas a Scale body asks for; answers with the Scale after the write.</summary>
    public static async Task Scale(ResourceRequest request, JsonNode? scale)
    {
        if (scale?["spec"]?["replicas"] is not JsonValue value || !value.TryGetValue<int>(out var replicas))
        {
            await HttpIo.Json(request.Context, 422, StatusBody.Failure(422, "Invalid", $"Scale.autoscaling \"{request.Name}\" is invalid: spec.replicas: Required value", request.Resource, request.Name, ["spec.replicas: Required value"])).ConfigureAwait(false);
            return;
        }

        var key = new ObjectKey(request.Resource.Info.Kind, request.Namespace, request.Name);
        var fields = request.Find(request.Host.Current)?.ToJson() is { } before ? Ownership.AfterUpdate(request, before, Replicas(before, replicas)) : null;
        var result = await request.Host.Send(id => new ScaleRequested(id, key, replicas), request.DryRun, fields).ConfigureAwait(false);
        await (result.IsSuccess && result.Object is { } stored
            ? HttpIo.Json(request.Context, 200, ScaleBody.From(stored))
            : HttpIo.Failure(request.Context, result, request.Resource, request.Name)).ConfigureAwait(false);
    }
}
