namespace KubeKernel.Model;

/// <summary>The identity of a stored object: kind, namespace (empty when cluster-scoped) and name, ordered ordinally.</summary>
/// <param name="Kind">The kind name, e.g. <c>Pod</c>.</param>
/// <param name="Namespace">The namespace; empty for cluster-scoped kinds.</param>
/// <param name="Name">The object's <c>metadata.name</c>.</param>
public readonly record struct ObjectKey(string Kind, string Namespace, string Name) : IComparable<ObjectKey>
{
    /// <summary>Orders by kind, then namespace, then name, each compared ordinally, so iteration order never depends on culture.</summary>
    public int CompareTo(ObjectKey other)
    {
        var c = string.CompareOrdinal(Kind, other.Kind);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(Namespace, other.Namespace);
        return c != 0 ? c : string.CompareOrdinal(Name, other.Name);
    }

    /// <summary><c>namespace/name</c>, or <c>name</c> for cluster-scoped objects: the controllers' work-queue key.</summary>
    public string NamespacedName => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";

    /// <summary>The key of <paramref name="kind"/> named by a work-queue key (<c>namespace/name</c> or <c>name</c>).</summary>
    public static ObjectKey Parse(string kind, string namespacedName)
    {
        var slash = namespacedName.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? new ObjectKey(kind, string.Empty, namespacedName)
            : new ObjectKey(kind, namespacedName[..slash], namespacedName[(slash + 1)..]);
    }

    /// <summary><c>Kind namespace/name</c>, e.g. <c>Pod default/web-0</c>.</summary>
    public override string ToString() => $"{Kind} {NamespacedName}";
}
