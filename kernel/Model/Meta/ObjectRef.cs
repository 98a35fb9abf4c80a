namespace KubeKernel.Model;

/// <summary>A reference to an object (kind, namespace, name, uid), as events' <c>involvedObject</c> and pods' <c>targetRef</c>.</summary>
public sealed record ObjectRef(string Kind, string Namespace, string Name, string Uid = "")
{
    public ObjectKey Key => new(Kind, Namespace, Name);

    public override string ToString() => Namespace.Length == 0 ? $"{Kinds.Get(Kind)?.Resource ?? Kind.ToLowerInvariant()}/{Name}" : $"{Kinds.Get(Kind)?.Resource ?? Kind.ToLowerInvariant()}/{Namespace}/{Name}";
}
