using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Host;
using Microsoft.AspNetCore.Http;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>
/// A watch: one JSON object per line (<c>{"type":"ADDED","object":…}</c>), flushed per event, until the client leaves,
/// <c>timeoutSeconds</c> pass or the server stops.
/// </summary>
/// <remarks>
/// Without a resourceVersion (or with <c>0</c>) the watch first sends the current objects as ADDED; with one, only the
/// changes after it, or <c>410 Expired</c> when the watch cache no longer reaches back that far. Objects are Tables
/// when the request asked for Tables, as <c>kubectl get -w</c> does. With <c>allowWatchBookmarks</c>, a quiet watch gets a
/// BOOKMARK carrying the current revision every <see cref="BookmarkEvery"/>.
/// </remarks>
internal static class WatchEndpoint
{
    public static readonly TimeSpan BookmarkEvery = TimeSpan.FromSeconds(30);

    public static async Task Watch(ResourceRequest request, LabelSelectorQuery labels, FieldSelectorQuery fields)
    {
        var context = request.Context;
        var host = request.Host;
        var tableVersion = Negotiation.TableVersion(context.Request.Headers.Accept);
        var bookmarks = request.Query("allowWatchBookmarks") == "true";
        var timeout = long.TryParse(request.Query("timeoutSeconds"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : Timeout.InfiniteTimeSpan;
        var fromText = request.Query("resourceVersion");
        List<ServedItem> initial = [];
        long from;
        if (string.IsNullOrEmpty(fromText) || fromText == "0")
        {
            var state = host.Current;
            initial = [.. request.Items(state).Where(i => labels.Matches(i.Labels) && fields.Matches(i))];
            from = state.Revision;
        }
        else if (!long.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out from))
        {
            await HttpIo.Failure(context, 400, "BadRequest", $"resourceVersion: Invalid value: \"{fromText}\": must be an integer").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var channel = host.Watches.Subscribe(from);
        if (channel is null)
        {
            await Send(context, "ERROR", Expired(from, host.Watches.CompactedRevision)).ConfigureAwait(false);
            return;
        }

        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        ending.CancelAfter(timeout);
        try
        {
            var first = true;
            foreach (var item in initial)
            {
                await Send(context, "ADDED", Render(request, item, tableVersion, from, first)).ConfigureAwait(false);
                first = false;
            }

            await context.Response.Body.FlushAsync(ending.Token).ConfigureAwait(false);
            while (!ending.IsCancellationRequested)
            {
                var entry = await Next(channel, bookmarks, ending.Token).ConfigureAwait(false);
                if (entry is null)
                {
                    await Send(context, "BOOKMARK", Bookmark(request.Resource, host.Current.Revision)).ConfigureAwait(false);
                    continue;
                }

                var item = entry.Item;
                if (item.Resource == request.Resource && (request.Namespace.Length == 0 || item.Namespace == request.Namespace)
                    && labels.Matches(item.Labels) && fields.Matches(item))
                {
                    await Send(context, entry.Type, Render(request, item, tableVersion, entry.Revision, first)).ConfigureAwait(false);
                    first = false;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client left or timeoutSeconds passed: the watch ends quietly, as kube-apiserver ends it.
        }
        catch (ChannelClosedException closed) when (closed.InnerException is WatchExpiredException)
        {
            await Send(context, "ERROR", Expired(from, host.Watches.CompactedRevision)).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The server is stopping.
        }
        finally
        {
            host.Watches.Unsubscribe(channel);
        }
    }

    /// <summary>The next change, or null when a bookmark is due first.</summary>
    private static async Task<WatchEntry?> Next(Channel<WatchEntry> channel, bool bookmarks, CancellationToken token)
    {
        if (!bookmarks)
        {
            return await channel.Reader.ReadAsync(token).ConfigureAwait(false);
        }

        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(token);
        quiet.CancelAfter(BookmarkEvery);
        try
        {
            return await channel.Reader.ReadAsync(quiet.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return null;
        }
    }

    private static JsonNode Render(ResourceRequest request, ServedItem item, string? tableVersion, long revision, bool withColumns) =>
        tableVersion is null
            ? item.ToJson()
            : TableWriter.Table(tableVersion, request.Resource, [item], revision, request.Host.Current.Cluster.Now, withColumns: withColumns);

    private static JsonObject Bookmark(ApiResource resource, long revision) => new()
    {
        ["kind"] = resource.Info.Kind,
        ["apiVersion"] = resource.GroupVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) },
    };

    private static JsonObject Expired(long from, long compacted) =>
        StatusBody.Failure(410, "Expired", $"too old resource version: {from} ({compacted + 1})");

    private static async Task Send(HttpContext context, string type, JsonNode obj)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj }.ToJsonString() + "\n";
        await context.Response.WriteAsync(line, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
