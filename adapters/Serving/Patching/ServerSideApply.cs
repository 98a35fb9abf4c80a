using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>Server-side apply (<c>application/apply-patch+yaml</c>) and the field ownership every write records in <c>metadata.managedFields</c>.</summary>
/// <remarks>
/// Simplified from Kubernetes' structured-merge-diff, with its rules:
/// <list type="bullet">
/// <item>The fields of an applied configuration become the applier's (operation Apply), and only those.</item>
/// <item>A field the applier owned before but no longer applies is removed, unless another manager owns it too.</item>
/// <item>Changing a value another manager owns is a conflict, unless forced; forcing takes the field from that manager.
/// Applying the value a field already has shares it instead.</item>
/// <item>An update (create, replace, any other patch) gives the writer every field it added or changed (operation Update)
/// and takes them from everyone else; that is how kubectl-client-side-apply comes to own fields an apply later conflicts on.</item>
/// <item>Status and server-set metadata (<see cref="UnownedFields"/>) are never owned.</item>
/// </list>
/// Differences: lists are keyed by the single strategic-merge key; the applied object is not defaulted or validated first; a
/// client cannot reset managedFields through an update; entries carry no time.
/// </remarks>
internal static class ServerSideApply
{
    public static ApplyResult Apply(JsonNode? live, JsonNode applied, string manager, bool force, string kind)
    {
        var strategy = PatchStrategies.For(kind);
        var config = UnownedFields.StripServerSet(applied as JsonObject ?? throw new PatchException("invalid JSON document", PatchException.BadRequest));
        var (before, entries) = Split(live);
        var merged = (JsonObject)before.DeepClone();
        AppliedMerge.Merge(merged, config, strategy);

        var applies = FieldSet.Of(config, strategy).Where(UnownedFields.IsOwnable);
        var changed = FieldComparison.Of(before, merged, strategy).Changed.Where(UnownedFields.IsOwnable);
        var others = entries.Where(e => !e.Is(manager, ManagedFieldsEntry.Apply)).ToList();
        var conflicts = others
            .SelectMany(e => e.Fields.Intersect(changed).Paths.Select(path => new FieldManagerConflict(e.Describe(), path)))
            .OrderBy(c => c.Manager, StringComparer.Ordinal).ThenBy(c => c.Field)
            .ToList();
        if (conflicts.Count > 0 && !force)
        {
            return ApplyResult.Conflicted(new ApplyConflict(conflicts));
        }

        // Forcing takes the changed fields from their owners; without force there were none to take.
        var remaining = others.Select(e => e with { Fields = e.Fields.Except(changed) }).ToList();
        var previouslyApplied = entries.FirstOrDefault(e => e.Is(manager, ManagedFieldsEntry.Apply))?.Fields ?? FieldSet.Empty;
        var ownedByOthers = remaining.Aggregate(FieldSet.Empty, (all, e) => all.Union(e.Fields));
        foreach (var dropped in previouslyApplied.Except(applies).Except(ownedByOthers).Paths)
        {
            FieldValues.Remove(merged, dropped);
        }

        var mine = new ManagedFieldsEntry(manager, ManagedFieldsEntry.Apply, ApiVersionOf(config), null, applies);
        ManagedFieldsEntry.Write(merged, Replace(entries, remaining, mine));
        return ApplyResult.Applied(merged);
    }

    /// <summary>Records a write that is not an apply: <paramref name="manager"/> takes every field it added or changed.</summary>
    public static JsonObject RecordUpdate(JsonNode? before, JsonNode after, string manager)
    {
        var afterObject = after as JsonObject ?? throw new PatchException("invalid JSON document", PatchException.BadRequest);
        var strategy = PatchStrategies.For(afterObject["kind"] is JsonValue k && k.TryGetValue<string>(out var kind) ? kind : "");
        var (old, entries) = Split(before);
        var (result, _) = Split(afterObject);

        var comparison = FieldComparison.Of(old, result, strategy);
        var changed = comparison.Changed.Where(UnownedFields.IsOwnable);
        var remaining = entries
            .Where(e => !e.Is(manager, ManagedFieldsEntry.Update))
            .Select(e => e with { Fields = e.Fields.Except(changed).Except(comparison.Removed) })
            .ToList();
        var previous = entries.FirstOrDefault(e => e.Is(manager, ManagedFieldsEntry.Update))?.Fields ?? FieldSet.Empty;
        var mine = new ManagedFieldsEntry(manager, ManagedFieldsEntry.Update, ApiVersionOf(result), null, previous.Except(comparison.Removed).Union(changed));
        ManagedFieldsEntry.Write(result, Replace(entries, remaining, mine));
        return result;
    }

    /// <summary>An object without its managedFields, and the entries it had.</summary>
    private static (JsonObject Object, IReadOnlyList<ManagedFieldsEntry> Entries) Split(JsonNode? node)
    {
        var obj = node is JsonObject o ? (JsonObject)o.DeepClone() : [];
        var entries = ManagedFieldsEntry.Read(obj);
        (obj["metadata"] as JsonObject)?.Remove("managedFields");
        return (obj, entries);
    }

    /// <summary>The new entry list: the writer's entry where it stood (or last), the others in their order, empty ones dropped.</summary>
    /// <remarks><paramref name="others"/> are the entries of <paramref name="before"/> other than the writer's, in order, with their new fields.</remarks>
    private static IEnumerable<ManagedFieldsEntry> Replace(IReadOnlyList<ManagedFieldsEntry> before, List<ManagedFieldsEntry> others, ManagedFieldsEntry mine)
    {
        var result = new List<ManagedFieldsEntry>();
        var next = 0;
        foreach (var entry in before)
        {
            if (entry.Is(mine.Manager, mine.Operation))
            {
                result.Add(mine);
                continue;
            }

            // An entry that lost fields no longer says when its fields were last written, so it loses its time.
            var now = others[next++];
            result.Add(now.Fields.Paths.SequenceEqual(entry.Fields.Paths) ? now : now with { Time = null });
        }

        if (!before.Any(e => e.Is(mine.Manager, mine.Operation)))
        {
            result.Add(mine);
        }

        return result.Where(e => !e.Fields.IsEmpty);
    }

    private static string? ApiVersionOf(JsonObject obj) => obj["apiVersion"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
