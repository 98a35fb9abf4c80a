namespace KubeKernel.Controllers.ServiceAccounts;

/// <summary>The ServiceAccount controller's rules, as <c>docs/controllers/serviceaccount.md</c> states them.</summary>
internal static class ServiceAccountRules
{
    public static ControllerRules Table { get; } = new(
        ServiceAccountController.Name,
        "kernel/Controllers/ServiceAccounts",
        "ServiceAccount controller",
        "The ServiceAccount controller (Kubernetes' `serviceaccounts_controller.go`) gives every active namespace its `default` ServiceAccount, the identity a pod without `serviceAccountName` runs as.",
        [
            "**Every active namespace** has a ServiceAccount named `default`: created when the namespace is (and for the built-in namespaces when the cluster starts).",
            "**Recreated if deleted**, as long as the namespace is active.",
            "**Not in a terminating namespace**: there the namespace controller deletes it with the rest, and it is not recreated.",
        ],
        ["Since v1.24 Kubernetes creates no token Secret with the ServiceAccount; pods get projected, bound tokens, which the kernel does not model."])
    { Source = "pkg/controller/serviceaccount" };
}
