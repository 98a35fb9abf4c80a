using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Commands;
using Microsoft.AspNetCore.Http;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>Reading request bodies and writing JSON answers and Status errors.</summary>
internal static class HttpIo
{
    /// <summary>kube-apiserver's limit on a request body (<c>--max-request-bytes</c>' default for writes): 3 MiB.</summary>
    public const int MaxBodyBytes = 3 * 1024 * 1024;

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static Task Json(HttpContext context, int code, JsonNode body, string contentType = Negotiation.Json)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body.ToJsonString(Compact), context.RequestAborted);
    }

    public static Task Json(HttpContext context, int code, string json)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = Negotiation.Json;
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    public static Task Failure(HttpContext context, int code, string reason, string message) =>
        Json(context, code, StatusBody.Failure(code, reason, message));

    public static Task Failure(HttpContext context, ApiResult result, ApiResource? resource, string? name) =>
        Json(context, result.Code, StatusBody.From(result, resource, name));

    public static Task NotFound(HttpContext context) =>
        Failure(context, 404, "NotFound", "the server could not find the requested resource");

    /// <summary>The whole body, or null (with a 413 already sent) when it is over <see cref="MaxBodyBytes"/>.</summary>
    public static async Task<byte[]?> ReadBody(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await TooLarge(context).ConfigureAwait(false);
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                await TooLarge(context).ConfigureAwait(false);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static string Text(byte[] body) => Encoding.UTF8.GetString(body);

    private static Task TooLarge(HttpContext context) =>
        Failure(context, 413, "RequestEntityTooLarge", $"Request entity too large: limit is {MaxBodyBytes}");
}
