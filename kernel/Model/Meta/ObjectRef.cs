namespace KubeKernel.Model;

/// <summary>A reference to an object (kind, namespace, name, uid), as events' <c>involvedObject</c> and pods' <c>targetRef</c>.</summary>
/// <param name="Kind">The kind name, e.g. <c>Pod</c>.</param>
/// <param name="Namespace">The namespace; empty for cluster-scoped kinds.</param>
/// <param name="Name">The object's name.</param>
/// <param name="Uid">The object's <c>metadata.uid</c>, which tells a recreated object from its predecessor; empty when unknown.</param>
public sealed record ObjectRef(string Kind, string Namespace, string Name, string Uid = "")
{
    /// <summary>The referenced object's store key (the uid is not part of it).</summary>
    public ObjectKey Key => new(Kind, Namespace, Name);

    /// <summary><c>resource/name</c>, or <c>resource/namespace/name</c> for a namespaced kind, e.g. <c>pods/default/web-0</c>.</summary>
    public override string ToString() => Namespace.Length == 0 ? $"{Kinds.Get(Kind)?.Resource ?? Kind.ToLowerInvariant()}/{Name}" : $"{Kinds.Get(Kind)?.Resource ?? Kind.ToLowerInvariant()}/{Namespace}/{Name}";
}
