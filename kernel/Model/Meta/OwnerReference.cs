namespace KubeKernel.Model;

/// <summary>A <c>metadata.ownerReferences[]</c> entry; owners are found by UID.</summary>
public sealed record OwnerReference(
    string ApiVersion,
    string Kind,
    string Name,
    string Uid,
    bool Controller = false,
    bool BlockOwnerDeletion = false);
