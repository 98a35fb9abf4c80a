using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>An apply refused because it would change fields other managers own: the 409 Conflict Kubernetes answers.</summary>
/// <remarks>
/// Wording from k8s.io/apimachinery managedfields conflict.go. One conflict:
/// <c>Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas</c>.
/// Several: <c>Apply failed with 2 conflicts: conflicts with "a" using v1:</c>, then one <c>- path</c> line per field,
/// managers in name order. Each conflict is also a cause with reason FieldManagerConflict.
/// </remarks>
internal sealed record ApplyConflict(IReadOnlyList<FieldManagerConflict> Conflicts)
{
    public string Message => Conflicts.Count == 1
        ? $"Apply failed with 1 conflict: conflict with {Conflicts[0].Manager}: {Conflicts[0].Field}"
        : $"Apply failed with {Conflicts.Count} conflicts: " + string.Join("\n", Conflicts
            .GroupBy(c => c.Manager)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Select(c => $"- {c.Field}").Prepend($"conflicts with {g.Key}:")));

    /// <summary>The Status body of the 409 reply.</summary>
    public JsonObject ToStatus() => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = Message,
        ["reason"] = "Conflict",
        ["details"] = new JsonObject
        {
            ["causes"] = new JsonArray(Conflicts.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = $"conflict with {c.Manager}",
                ["field"] = c.Field.ToString(),
            }).ToArray()),
        },
        ["code"] = 409,
    };
}
