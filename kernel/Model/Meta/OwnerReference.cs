namespace KubeKernel.Model;

/// <summary>A <c>metadata.ownerReferences[]</c> entry; owners are found by UID.</summary>
/// <param name="ApiVersion">The owner's <c>apiVersion</c>, e.g. <c>apps/v1</c>.</param>
/// <param name="Kind">The owner's kind, e.g. <c>ReplicaSet</c>.</param>
/// <param name="Name">The owner's name, in the dependent's namespace (or cluster-scoped).</param>
/// <param name="Uid">The owner's <c>metadata.uid</c>: what identifies the owner; a new object with the same name does not own the dependent.</param>
/// <param name="Controller"><c>controller: true</c> marks the managing controller; at most one owner reference may set it.</param>
/// <param name="BlockOwnerDeletion"><c>blockOwnerDeletion</c>: under foreground deletion the owner is not removed until this dependent is gone.</param>
public sealed record OwnerReference(
    string ApiVersion,
    string Kind,
    string Name,
    string Uid,
    bool Controller = false,
    bool BlockOwnerDeletion = false);
