using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeKernel.Properties.Serving.Hostile;

/// <summary>What a refused request must look like: a 4xx of the expected code with a Kubernetes <c>Status</c> body, and no write.</summary>
internal static class Refusal
{
    /// <summary>Text that gives away .NET internals: a namespace, an exception's name, an assembly-qualified type.</summary>
    private static readonly string[] Leaks = ["System.", "Exception", "KubernetesClient, Version", "   at "];

    /// <summary>Why the answer is not a proper refusal of <paramref name="request"/>, or null when it is one.</summary>
    public static string? Problem(HostileRequest request, (int Code, string? ContentType, string Body) answer, long revisionBefore, long revisionAfter)
    {
        var (code, contentType, body) = answer;
        if (code is < 400 or >= 500)
        {
            return $"answered {code}, not a 4xx: {Shorten(body)}";
        }

        if (!request.Codes.Contains(code))
        {
            return $"answered {code}, not {string.Join(" or ", request.Codes)}: {Shorten(body)}";
        }

        if (revisionAfter != revisionBefore)
        {
            return $"the store revision moved from {revisionBefore} to {revisionAfter}";
        }

        if (contentType != "application/json" || Status(body) is not { } status)
        {
            return $"the body is not a JSON Status ({contentType}): {Shorten(body)}";
        }

        var message = status["message"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : string.Empty;
        return (status["kind"]?.ToString(), status["status"]?.ToString(), status["reason"]?.ToString(), status["code"]?.ToString()) switch
        {
            (not "Status", _, _, _) or (_, not "Failure", _, _) => $"the body is not a Failure Status: {Shorten(body)}",
            (_, _, null or "", _) => $"the Status has no reason: {Shorten(body)}",
            _ when message.Length == 0 => $"the Status has no message: {Shorten(body)}",
            _ when status["code"]?.ToString() != code.ToString(System.Globalization.CultureInfo.InvariantCulture) => $"the Status code is {status["code"]}, the HTTP code {code}",
            _ when Leaks.FirstOrDefault(l => body.Contains(l, StringComparison.Ordinal)) is { } leak => $"the Status shows .NET internals ({leak}): {Shorten(body)}",
            _ => null,
        };
    }

    private static JsonObject? Status(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
