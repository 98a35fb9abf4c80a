using System.Text.Json.Nodes;
using k8s;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Model;

namespace KubeKernel.Cli.Check;

/// <summary>What one step changed in the store, object by object and field by field (<c>~ replicaset default/web-… spec.replicas: 1 → 2</c>).</summary>
/// <remarks>Objects are compared as their Kubernetes JSON, so field paths read as in <c>kubectl get -o yaml</c>; resourceVersion and timestamps churn and are left out.</remarks>
internal static class StateDiff
{
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal) { "metadata.resourceVersion", "metadata.managedFields" };

    public static IReadOnlyList<string> Lines(ClusterState before, ClusterState after, int maxLines = 40)
    {
        var lines = new List<string>();
        // Only the objects the store says were rewritten (a report diffs thousands of steps of a big cluster), in key order.
        foreach (var (old, now) in after.Store.ChangedSince(before.Store).OrderBy(c => (c.After ?? c.Before)!.Key))
        {
            if (Equals(old, now))
            {
                continue;
            }

            var key = (now ?? old)!.Key;
            var name = $"{key.Kind.ToLowerInvariant()} {key.NamespacedName}";
            if (old is null)
            {
                lines.Add($"+ {name} created");
            }
            else if (now is null)
            {
                lines.Add($"- {name} removed");
            }
            else
            {
                var a = Flatten(old);
                var b = Flatten(now);
                foreach (var path in a.Keys.Union(b.Keys).Where(p => !Noise.Contains(p) && !p.EndsWith("Time", StringComparison.Ordinal) && !p.EndsWith("Timestamp", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                {
                    var (x, y) = (a.GetValueOrDefault(path), b.GetValueOrDefault(path));
                    if (x != y)
                    {
                        lines.Add($"~ {name} {path}: {x ?? "(none)"} → {y ?? "(none)"}");
                    }
                }
            }
        }

        return lines.Count <= maxLines ? lines : [.. lines.Take(maxLines), $"… and {lines.Count - maxLines} more changes"];
    }

    private static Dictionary<string, string> Flatten(KubeObject obj)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(KubernetesJson.Serialize(KernelToWire.Map(obj)));
        }
        catch (ArgumentOutOfRangeException)
        {
            // A kind without a wire mapping (an embedder's): compare its printed form.
            values["value"] = obj.ToString();
            return values;
        }

        Walk(json, string.Empty, values);
        return values;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    Walk(child, path.Length == 0 ? key : $"{path}.{key}", values);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], $"{path}[{i}]", values);
                }

                break;
            case null:
                break;
            default:
                values[path] = node.ToJsonString();
                break;
        }
    }
}
