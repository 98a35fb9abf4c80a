using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>Kubernetes object metadata; every timestamp is logical milliseconds since the cluster's epoch.</summary>
/// <remarks>
/// <c>ResourceVersion</c> is the store revision of the object's last write (opaque to clients, compared only
/// for equality); <c>Generation</c> is 1 on create and grows with each spec change.
/// </remarks>
public sealed record ObjectMeta
{
    public string Name { get; init; } = string.Empty;

    /// <summary>Empty for cluster-scoped objects (Node, Namespace).</summary>
    public string Namespace { get; init; } = string.Empty;

    public string? GenerateName { get; init; }

    public string Uid { get; init; } = string.Empty;

    public long ResourceVersion { get; init; }

    public long Generation { get; init; }

    public ValueMap<string, string> Labels { get; init; }

    public ValueMap<string, string> Annotations { get; init; }

    public ValueList<OwnerReference> OwnerReferences { get; init; }

    public ValueList<string> Finalizers { get; init; }

    public long CreationTimestamp { get; init; }

    public long? DeletionTimestamp { get; init; }

    public long? DeletionGracePeriodSeconds { get; init; }

    /// <summary>The owner reference with <c>controller: true</c>, if any (at most one is allowed).</summary>
    /// <remarks>A loop rather than LINQ: controllers ask this of every object they list, on every reconcile.</remarks>
    public OwnerReference? ControllerRef
    {
        get
        {
            foreach (var owner in OwnerReferences)
            {
                if (owner.Controller)
                {
                    return owner;
                }
            }

            return null;
        }
    }

    public bool IsBeingDeleted => DeletionTimestamp.HasValue;

    public static ObjectMeta Named(string name, string @namespace = "") => new() { Name = name, Namespace = @namespace };
}
