namespace KubeKernel.Api;

/// <summary>Where the kernel's API server (defaulting, validation, admission, the apply verb) differs from kube-apiserver, as <c>docs/differences.md</c> states it.</summary>
/// <remarks>Kept beside the API server so that a change of behaviour and its description are one diff. Texts are Markdown.</remarks>
internal static class ApiServerDifferences
{
    /// <summary>The Kubernetes source the API server follows, a path in kubernetes/kubernetes.</summary>
    public const string Source = "pkg/registry";

    public static IReadOnlyList<(string Source, string Text)> All { get; } =
    [
        ("staging/src/k8s.io/kubectl/pkg/cmd/apply", "**Client-side apply in `simulate` and scenarios.** The kernel's apply verb replaces the object's labels and annotations with the applied ones (keeping the fields servers and controllers set), where kubectl computes a three-way patch against the `last-applied-configuration` annotation: so re-applying a Deployment whose controller added `deployment.kubernetes.io/revision` writes again instead of answering `unchanged`. Through `kernelctl serve`, the real kubectl computes its patch itself and the difference does not arise."),
        ("pkg/apis/core/validation", "**Affinity is not validated at admission.** Kubernetes refuses a pod whose required node-affinity term holds an invalid label value; the kernel stores it, and the term matches no node, so the pod stays unschedulable."),
        ("pkg/registry/core/pod", "**No `/binding`, `/eviction` or `deletecollection` for clients.** The scheduler's binding and the node drain are kernel events, not API calls."),
    ];
}
