using System.Collections.Immutable;

namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>How one field, and the fields below it, merge under a strategic merge patch and are owned under server-side apply.</summary>
/// <remarks>
/// A node describes a field's value: for an object, <see cref="Fields"/> describes its members; for a list of objects,
/// <see cref="Fields"/> describes each item's members. Anything not listed is a plain field: objects merge key by key and
/// lists are atomic, which is the default Kubernetes applies to fields without patch tags.
/// </remarks>
internal sealed class PatchStrategy
{
    public static readonly PatchStrategy Plain = new(ListType.Atomic, null, atomicObject: false, ImmutableSortedDictionary<string, PatchStrategy>.Empty);

    private PatchStrategy(ListType list, string? mergeKey, bool atomicObject, ImmutableSortedDictionary<string, PatchStrategy> fields)
    {
        List = list;
        MergeKey = mergeKey;
        AtomicObject = atomicObject;
        Fields = fields;
    }

    public ListType List { get; }

    /// <summary>The member that identifies an item of a <see cref="ListType.Map"/> list, such as <c>name</c> or <c>containerPort</c>.</summary>
    public string? MergeKey { get; }

    /// <summary>An object server-side apply owns as one field (<c>+structType=atomic</c>, <c>+mapType=atomic</c>), such as a label selector.</summary>
    public bool AtomicObject { get; }

    public ImmutableSortedDictionary<string, PatchStrategy> Fields { get; }

    /// <summary>An object whose named members have their own strategies.</summary>
    public static PatchStrategy Object(params (string Name, PatchStrategy Strategy)[] fields) =>
        new(ListType.Atomic, null, atomicObject: false, fields.ToImmutableSortedDictionary(f => f.Name, f => f.Strategy, StringComparer.Ordinal));

    /// <summary>A list of objects merged by <paramref name="mergeKey"/>; <paramref name="item"/> describes each item.</summary>
    public static PatchStrategy MapList(string mergeKey, PatchStrategy? item = null) =>
        new(ListType.Map, mergeKey, atomicObject: false, (item ?? Plain).Fields);

    /// <summary>A list of scalars merged as a set.</summary>
    public static PatchStrategy SetList { get; } = new(ListType.Set, null, atomicObject: false, ImmutableSortedDictionary<string, PatchStrategy>.Empty);

    /// <summary>An object owned as a whole by server-side apply.</summary>
    public static PatchStrategy AtomicMap { get; } = new(ListType.Atomic, null, atomicObject: true, ImmutableSortedDictionary<string, PatchStrategy>.Empty);

    /// <summary>The strategy of a member; a member without one is <see cref="Plain"/>.</summary>
    public PatchStrategy Field(string name) => Fields.TryGetValue(name, out var field) ? field : Plain;
}
