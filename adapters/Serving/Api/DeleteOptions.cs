using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Api;

/// <summary>The body of a DELETE (<c>{"propagationPolicy":"Background","gracePeriodSeconds":0,"dryRun":["All"]}</c>), read strictly.</summary>
internal sealed record DeleteOptions(string? PropagationPolicy, long? GracePeriodSeconds, IReadOnlyList<string> DryRun)
{
    public static DeleteOptions None { get; } = new(null, null, []);

    /// <summary>The options of a body (none for an empty one); null when the body is not DeleteOptions, which refuses the delete.</summary>
    public static DeleteOptions? Read(byte[] body)
    {
        if (body.Length == 0)
        {
            return None;
        }

        if (ObjectDecoder.Parse(System.Text.Encoding.UTF8.GetString(body)).Node is not JsonObject options)
        {
            return null;
        }

        string? policy = null;
        if (options["propagationPolicy"] is { } p && !(p is JsonValue pv && pv.TryGetValue(out policy)))
        {
            return null;
        }

        long? grace = null;
        if (options["gracePeriodSeconds"] is { } g)
        {
            if (g is not JsonValue gv || !gv.TryGetValue<long>(out var seconds))
            {
                return null;
            }

            grace = seconds;
        }

        var dryRun = new List<string>();
        if (options["dryRun"] is { } d)
        {
            if (d is not JsonArray values)
            {
                return null;
            }

            foreach (var value in values)
            {
                if (value is not JsonValue dv || !dv.TryGetValue<string>(out var text))
                {
                    return null;
                }

                dryRun.Add(text);
            }
        }

        return new DeleteOptions(policy, grace, dryRun);
    }
}
