using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Api;

/// <summary>
/// The fields of a request body that the kind's wire model does not have: those present in what the client sent but
/// absent once the body is read into the model and written back (<c>spec.replica</c>,
/// <c>spec.template.spec.containers[0].imagePullPolicey</c>), named as kube-apiserver's strict decoding names them.
/// </summary>
internal static class UnknownFields
{
    public static IReadOnlyList<string> Find(JsonNode? sent, JsonNode? typed)
    {
        var found = new List<string>();
        Walk(sent, typed, string.Empty, found);
        return found;
    }

    private static void Walk(JsonNode? sent, JsonNode? typed, string path, List<string> found)
    {
        switch (sent)
        {
            case JsonObject sentObject:
                var typedObject = typed as JsonObject;
                foreach (var (name, value) in sentObject)
                {
                    // A null is "unset" (kubectl sends creationTimestamp: null); the model drops it without it being unknown.
                    if (value is null)
                    {
                        continue;
                    }

                    var child = path.Length == 0 ? name : $"{path}.{name}";
                    if (typedObject is null || !typedObject.TryGetPropertyValue(name, out var typedValue))
                    {
                        found.Add(child);
                    }
                    else
                    {
                        Walk(value, typedValue, child, found);
                    }
                }

                break;
            case JsonArray sentArray:
                var typedArray = typed as JsonArray;
                for (var i = 0; i < sentArray.Count; i++)
                {
                    Walk(sentArray[i], typedArray is not null && i < typedArray.Count ? typedArray[i] : null, $"{path}[{i}]", found);
                }

                break;
        }
    }
}
