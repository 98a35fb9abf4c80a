using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>A set of owned fields: what one manager owns, or what an object or a change contains.</summary>
/// <remarks>
/// The members are leaves (a scalar, an atomic list or object, an empty object) plus the items of keyed lists, which are
/// owned as items as well as field by field, as in Kubernetes' FieldsV1 (the <c>"."</c> key).
/// </remarks>
internal sealed class FieldSet(ImmutableSortedSet<FieldPath> paths)
{
    public static readonly FieldSet Empty = new([]);

    public ImmutableSortedSet<FieldPath> Paths { get; } = paths;

    public bool IsEmpty => Paths.IsEmpty;

    public FieldSet Union(FieldSet other) => new(Paths.Union(other.Paths));

    public FieldSet Except(FieldSet other) => new(Paths.Except(other.Paths));

    public FieldSet Intersect(FieldSet other) => new(Paths.Intersect(other.Paths));

    public FieldSet Where(Func<FieldPath, bool> keep) => new(Paths.Where(keep).ToImmutableSortedSet());

    /// <summary>The fields an object sets, read through the strategy table.</summary>
    public static FieldSet Of(JsonObject value, PatchStrategy strategy)
    {
        var paths = ImmutableSortedSet.CreateBuilder<FieldPath>();
        Collect(value, strategy, FieldPath.Root, paths);
        return new FieldSet(paths.ToImmutable());
    }

    private static void Collect(JsonObject value, PatchStrategy strategy, FieldPath at, ImmutableSortedSet<FieldPath>.Builder into)
    {
        foreach (var (name, member) in value)
        {
            var path = at.Field(name);
            var field = strategy.Field(name);
            switch (member)
            {
                case JsonObject o when o.Count > 0 && !field.AtomicObject:
                    Collect(o, field, path, into);
                    break;
                case JsonArray a when a.Count > 0 && field.List == ListType.Map:
                    foreach (var item in a.OfType<JsonObject>())
                    {
                        if (item[field.MergeKey!] is { } key)
                        {
                            var itemPath = path.Key(field.MergeKey!, key);
                            into.Add(itemPath);
                            Collect(item, field, itemPath, into);
                        }
                    }

                    break;
                case JsonArray a when a.Count > 0 && field.List == ListType.Set:
                    into.UnionWith(a.Select(path.Value));
                    break;
                default:
                    into.Add(path);
                    break;
            }
        }
    }

    /// <summary>The set as <c>fieldsV1</c>: nested objects of tokens, <c>{}</c> for a leaf and <c>"."</c> for an owned item that has owned fields too.</summary>
    public JsonObject ToFieldsV1()
    {
        var root = new JsonObject();
        foreach (var path in Paths)
        {
            var node = root;
            foreach (var token in path.Tokens)
            {
                if (node[token] is not JsonObject child)
                {
                    child = [];
                    node[token] = child;
                }

                node = child;
            }

            node["."] = new JsonObject();
        }

        return Tidy(root);
    }

    /// <summary>Drops the <c>"."</c> of leaves: a leaf is written <c>{}</c>, and only an item with fields below it keeps its <c>"."</c>.</summary>
    private static JsonObject Tidy(JsonObject node)
    {
        if (node.Count == 1 && node.ContainsKey("."))
        {
            node.Remove(".");
        }

        foreach (var child in node.Where(c => c.Key != ".").Select(c => c.Value).OfType<JsonObject>().ToArray())
        {
            Tidy(child);
        }

        return node;
    }

    public static FieldSet FromFieldsV1(JsonObject? fieldsV1)
    {
        var paths = ImmutableSortedSet.CreateBuilder<FieldPath>();
        if (fieldsV1 is not null)
        {
            Read(fieldsV1, FieldPath.Root, paths);
        }

        return new FieldSet(paths.ToImmutable());
    }

    private static void Read(JsonObject node, FieldPath at, ImmutableSortedSet<FieldPath>.Builder into)
    {
        foreach (var (token, child) in node)
        {
            if (token == ".")
            {
                into.Add(at);
            }
            else if (child is JsonObject o && token.Length > 2)
            {
                var path = new FieldPath(at.Tokens.Add(token));
                if (o.Count == 0)
                {
                    into.Add(path);
                }
                else
                {
                    Read(o, path, into);
                }
            }
        }
    }
}
