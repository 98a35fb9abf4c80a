namespace KubeKernel.Controllers.GarbageCollector;

/// <summary>The garbage collector's rules, as <c>docs/controllers/garbage-collector.md</c> states them.</summary>
internal static class GarbageCollectorRules
{
    public static ControllerRules Table { get; } = new(
        GarbageCollectorController.Name,
        "kernel/Controllers/GarbageCollector",
        "Garbage collector",
        "The garbage collector (Kubernetes' `garbagecollector` controller) deletes objects whose owners are gone, following `metadata.ownerReferences` by UID. Its graph is the store's owner index.",
        [
            "**Background** (the default): the owner is removed at once; its dependents, now without any existing owner, are deleted after it.",
            "**Foreground**: the owner gets a `deletionTimestamp` and the `foregroundDeletion` finalizer and stays visible; its dependents are deleted (in the foreground too when they have dependents of their own), and the finalizer goes once no dependent with `blockOwnerDeletion: true` is left.",
            "**Orphan**: the owner gets the `orphan` finalizer; its references are removed from its dependents, then the finalizer, and the owner goes.",
            "A dependent that still has an existing owner is never deleted; it only loses its references to the gone owners.",
        ],
        [])
    { Source = "pkg/controller/garbagecollector" };
}
