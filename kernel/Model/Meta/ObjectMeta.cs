using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>Kubernetes object metadata; every timestamp is logical milliseconds since the cluster's epoch.</summary>
/// <remarks>
/// <c>ResourceVersion</c> is the store revision of the object's last write (opaque to clients, compared only
/// for equality); <c>Generation</c> is 1 on create and grows with each spec change.
/// </remarks>
public sealed record ObjectMeta
{
    /// <summary><c>metadata.name</c>: unique per kind within a namespace; when empty on create the server derives it from <see cref="GenerateName"/>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Empty for cluster-scoped objects (Node, Namespace).</summary>
    public string Namespace { get; init; } = string.Empty;

    /// <summary><c>metadata.generateName</c>: a prefix to which the server appends a 5-character suffix when <see cref="Name"/> is empty on create.</summary>
    public string? GenerateName { get; init; }

    /// <summary><c>metadata.uid</c>: set by the server on create and never reused, so a recreated object with the same name is a different object.</summary>
    public string Uid { get; init; } = string.Empty;

    /// <summary><c>metadata.resourceVersion</c>: the store revision of the object's last write; an update that carries a non-zero value fails with a conflict unless it is still current.</summary>
    public long ResourceVersion { get; init; }

    /// <summary><c>metadata.generation</c>: 1 on create, incremented by the server on each change to the spec (status writes leave it alone).</summary>
    public long Generation { get; init; }

    /// <summary><c>metadata.labels</c>: identifying key/value pairs that selectors match.</summary>
    public ValueMap<string, string> Labels { get; init; }

    /// <summary><c>metadata.annotations</c>: non-identifying key/value pairs for tools and controllers (selectors never see them).</summary>
    public ValueMap<string, string> Annotations { get; init; }

    /// <summary><c>metadata.ownerReferences</c>: the objects this one depends on; garbage collection deletes it once every owner is gone.</summary>
    public ValueList<OwnerReference> OwnerReferences { get; init; }

    /// <summary><c>metadata.finalizers</c>: while non-empty, a delete only marks the object (sets <see cref="DeletionTimestamp"/>) and it stays in the store.</summary>
    public ValueList<string> Finalizers { get; init; }

    /// <summary><c>metadata.creationTimestamp</c>, in logical milliseconds; set by the server on create.</summary>
    public long CreationTimestamp { get; init; }

    /// <summary><c>metadata.deletionTimestamp</c>, in logical milliseconds: set by the server when a graceful or finalizer-held delete is accepted; null while the object is not being deleted.</summary>
    public long? DeletionTimestamp { get; init; }

    /// <summary><c>metadata.deletionGracePeriodSeconds</c>: the seconds the object was given to terminate when its delete was accepted (0 when only finalizers hold it); null while not being deleted.</summary>
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

    /// <summary>Whether a delete has been accepted (<see cref="DeletionTimestamp"/> is set) but the object is still in the store.</summary>
    public bool IsBeingDeleted => DeletionTimestamp.HasValue;

    /// <summary>Metadata with only a name and, for namespaced kinds, a namespace; the server fills the rest on create.</summary>
    public static ObjectMeta Named(string name, string @namespace = "") => new() { Name = name, Namespace = @namespace };
}
