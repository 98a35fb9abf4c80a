namespace KubeKernel.Model;

/// <summary>Any object the API server stores: metadata plus a kind, with the hooks the store needs.</summary>
/// <remarks>
/// <c>obj with { Metadata = … }</c> keeps the concrete type (records clone virtually), so generic code can
/// rewrite metadata without knowing the kind.
/// </remarks>
/// <param name="Metadata">The object's <c>metadata</c>: name, namespace, uid, labels, owners, finalizers and timestamps.</param>
public abstract record KubeObject(ObjectMeta Metadata)
{
    /// <summary>The object's kind, group, version and REST resource (the same for every object of a type).</summary>
    public abstract KindInfo Info { get; }

    /// <summary>The kind name, e.g. <c>Pod</c>.</summary>
    public string Kind => Info.Kind;

    /// <summary>The object's identity in the store: kind, namespace and name.</summary>
    public ObjectKey Key => new(Info.Kind, Metadata.Namespace, Metadata.Name);

    /// <summary>The part whose change bumps <c>metadata.generation</c>; null for kinds without a spec.</summary>
    public abstract object? SpecValue { get; }

    /// <summary>This object with its status replaced by <paramref name="source"/>'s (status subresource semantics).</summary>
    public abstract KubeObject WithStatusOf(KubeObject source);

    /// <summary>A reference for events and traces: kind, namespace, name, uid.</summary>
    public ObjectRef Ref => new(Info.Kind, Metadata.Namespace, Metadata.Name, Metadata.Uid);
}
