namespace KubeKernel.Controllers.GarbageCollector;

/// <summary>What the garbage collector finds behind one owner reference (<c>classifyReferences</c>).</summary>
internal enum OwnerState
{
    /// <summary>The owner exists (with that UID) and is not being deleted in the foreground.</summary>
    Solid,

    /// <summary>No object of that kind, name and UID exists (or the reference crosses namespaces): the owner is gone.</summary>
    Absent,

    /// <summary>The owner is being deleted in the foreground and waits for its dependents to go.</summary>
    WaitingForDependentsDeletion,

    /// <summary>The owner's kind is not served, so it cannot be looked up; treated as present (Kubernetes retries).</summary>
    Unresolvable,
}
