namespace KubeKernel.Events;

/// <summary><c>DeleteOptions.propagationPolicy</c>: what the garbage collector does with an object's dependents when the object is deleted.</summary>
/// <remarks>Dependents are the objects whose <c>metadata.ownerReferences</c> name the deleted object's UID.</remarks>
public enum DeletionPropagation
{
    /// <summary>The default: the object goes at once, and the garbage collector deletes its dependents afterwards.</summary>
    Background,
    /// <summary>The object gets the <c>foregroundDeletion</c> finalizer and stays, with its deletionTimestamp set, until its blocking dependents are gone.</summary>
    Foreground,
    /// <summary>The object gets the <c>orphan</c> finalizer; the garbage collector removes it from its dependents' ownerReferences, and the dependents stay.</summary>
    Orphan,
}
