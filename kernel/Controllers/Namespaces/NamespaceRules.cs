namespace KubeKernel.Controllers.Namespaces;

/// <summary>The namespace controller's rules, as <c>docs/controllers/namespace.md</c> states them.</summary>
internal static class NamespaceRules
{
    public static ControllerRules Table { get; } = new(
        NamespaceController.Name,
        "kernel/Controllers/Namespaces",
        "Namespace controller",
        "The namespace controller (Kubernetes' `namespace` controller) empties and finalizes deleted namespaces.",
        [
            "**Deleting a namespace** sets its `deletionTimestamp` and phase `Terminating`; the API server then refuses new objects in it (`unable to create new content in namespace <ns> because it is being terminated`).",
            "**Emptying it.** The controller deletes every object in it (Background propagation); objects with finalizers — a pod's grace period, a Job pod's tracking finalizer, a foreground deletion — keep the namespace waiting until they are really gone.",
            "**Finalizing it.** Once nothing is left it removes the `kubernetes` finalizer through the `finalize` subresource, and the namespace goes.",
            "`default`, `kube-system` and `kube-public` cannot be deleted.",
        ],
        ["Kubernetes reports progress in namespace conditions (`NamespaceContentRemaining` …); the kernel's Namespace has no conditions, so only the phase shows it."])
    { Source = "pkg/controller/namespace" };
}
