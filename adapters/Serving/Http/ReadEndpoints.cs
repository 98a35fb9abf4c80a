using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Host;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>GET of an object or a collection (list, or watch with <c>watch=true</c>), as JSON or as a Table.</summary>
internal static class ReadEndpoints
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Task Get(ResourceRequest request)
    {
        var state = request.Host.Current;
        if (request.Find(state) is not { } item)
        {
            return request.NotFound();
        }

        if (request.Path.Subresource == "scale")
        {
            return HttpIo.Json(request.Context, 200, ScaleBody.From(item.Object!));
        }

        return Negotiation.TableVersion(request.Context.Request.Headers.Accept) is { } version && request.Path.Subresource.Length == 0
            ? HttpIo.Json(request.Context, 200, TableWriter.Table(version, request.Resource, [item], state.Revision, state.Cluster.Now))
            : HttpIo.Json(request.Context, 200, item.ToJsonText());
    }

    public static Task List(ResourceRequest request)
    {
        // Answered through the returned task like every other answer, so the response is complete before the request ends.
        var (parsed, error) = Selectors(request);
        if (parsed is not { } selectors)
        {
            return HttpIo.Failure(request.Context, 400, "BadRequest", error!);
        }

        if (request.Query("watch") is "true" or "1")
        {
            return WatchEndpoint.Watch(request, selectors.Labels, selectors.Fields);
        }

        if (request.Query("continue") is { Length: > 0 } token && ContinueKey(token) is null)
        {
            return HttpIo.Failure(request.Context, 400, "BadRequest", "continue key is not valid: the token was not issued by this server");
        }

        var state = request.Host.Current;
        var items = request.Items(state).Where(i => selectors.Labels.Matches(i.Labels) && selectors.Fields.Matches(i));
        var (page, continueToken) = Paginate(request, items);
        if (Negotiation.TableVersion(request.Context.Request.Headers.Accept) is { } version)
        {
            return HttpIo.Json(request.Context, 200, TableWriter.Table(version, request.Resource, page, state.Revision, state.Cluster.Now, continueToken));
        }

        var metadata = new JsonObject { ["resourceVersion"] = state.Revision.ToString(CultureInfo.InvariantCulture) };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }

        return HttpIo.Json(request.Context, 200, new JsonObject
        {
            ["kind"] = request.Resource.Info.Kind + "List",
            ["apiVersion"] = request.Resource.GroupVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. page.Select(i => i.ToJson())]),
        });
    }

    /// <summary>The selectors of the request, or the error in the malformed one.</summary>
    private static ((LabelSelectorQuery Labels, FieldSelectorQuery Fields)? Selectors, string? Error) Selectors(ResourceRequest request)
    {
        var (labels, labelError) = LabelSelectorQuery.Parse(request.Query("labelSelector"));
        var (fields, fieldError) = FieldSelectorQuery.Parse(request.Query("fieldSelector"), request.Resource);
        return labels is null || fields is null ? (null, labelError ?? fieldError) : ((labels, fields), null);
    }

    /// <summary>
    /// One page of <c>limit</c> items after the <c>continue</c> token's key; the token of the next page, if any. Pages
    /// come from the current state, not the first page's revision (see docs/serve.md).
    /// </summary>
    private static (IReadOnlyList<ServedItem> Page, string? Continue) Paginate(ResourceRequest request, IEnumerable<ServedItem> items)
    {
        if (request.Query("continue") is { Length: > 0 } token)
        {
            var after = ContinueKey(token)!;
            items = items.Where(i => string.CompareOrdinal($"{i.Namespace}/{i.Name}", after) > 0);
        }

        if (!int.TryParse(request.Query("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit <= 0)
        {
            return (items.ToList(), null);
        }

        var page = items.Take(limit + 1).ToList();
        if (page.Count <= limit)
        {
            return (page, null);
        }

        page.RemoveAt(limit);
        var last = page[^1];
        return (page, Convert.ToBase64String(Encoding.UTF8.GetBytes($"{last.Namespace}/{last.Name}")));
    }

    /// <summary>The <c>namespace/name</c> a token issued by <see cref="Paginate"/> carries; null for any other text, as kube-apiserver refuses a token it cannot read.</summary>
    private static string? ContinueKey(string token)
    {
        var bytes = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, bytes, out var written))
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes, 0, written) is var key && key.Contains('/', StringComparison.Ordinal) ? key : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
