namespace KubeKernel.Model;

/// <summary>Any object the API server stores: metadata plus a kind, with the hooks the store needs.</summary>
/// <remarks>
/// <c>obj with { Metadata = … }</c> keeps the concrete type (records clone virtually), so generic code can
/// rewrite metadata without knowing the kind.
/// </remarks>
public abstract record KubeObject(ObjectMeta Metadata)
{
    public abstract KindInfo Info { get; }

    public string Kind => Info.Kind;

    public ObjectKey Key => new(Info.Kind, Metadata.Namespace, Metadata.Name);

    /// <summary>The part whose change bumps <c>metadata.generation</c>; null for kinds without a spec.</summary>
    public abstract object? SpecValue { get; }

    /// <summary>This object with its status replaced by <paramref name="source"/>'s (status subresource semantics).</summary>
    public abstract KubeObject WithStatusOf(KubeObject source);

    /// <summary>A reference for events and traces: kind, namespace, name, uid.</summary>
    public ObjectRef Ref => new(Info.Kind, Metadata.Namespace, Metadata.Name, Metadata.Uid);
}
