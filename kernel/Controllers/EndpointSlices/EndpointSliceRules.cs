namespace KubeKernel.Controllers.EndpointSlices;

/// <summary>The EndpointSlice controller's rules, as <c>docs/controllers/endpointslice.md</c> states them.</summary>
internal static class EndpointSliceRules
{
    public static ControllerRules Table { get; } = new(
        EndpointSliceController.Name,
        "kernel/Controllers/EndpointSlices",
        "EndpointSlice controller",
        "The EndpointSlice controller (Kubernetes' `endpointslice` controller and its `k8s.io/endpointslice` reconciler) keeps each Service's EndpointSlices equal to the pods behind it, which is what [kube-proxy](kube-proxy.md) and the cluster DNS read. [services.md](../services.md) shows the slices of every kind of Service.",
        [
            "**Which services.** Every Service with a selector, except ExternalName ones; the slices of a Service without a selector are the user's, and the controller leaves them alone.",
            "**Which pods.** Every pod the selector matches that has an IP and has not finished (Succeeded or Failed) and whose node exists (any such pod with `publishNotReadyAddresses`); a terminating pod stays while it terminates.",
            "**Conditions.** `serving` is the pod's Ready condition; `terminating` says it is being deleted; `ready` is serving and not terminating — or always true with `publishNotReadyAddresses`. Each endpoint names its pod, its node and the node's zone.",
            "**Ports.** Each Service port's `targetPort`, resolved per pod: a number as is, a name to the container port of that name and protocol. Pods that resolve the ports differently go into different slices.",
            "**Slices.** Named `<service>-` and five generated characters, owned by the Service (a controller reference), labelled `kubernetes.io/service-name`, `endpointslice.kubernetes.io/managed-by` and the Service's own labels (`service.kubernetes.io/headless` for a headless one). At most 100 endpoints each (`--max-endpoints-per-slice`).",
            "**Packing** (`reconcileByPortMapping`): changed endpoints are updated in place; new ones fill the slices already being changed, fullest first, then the unchanged slice that ends closest to full, and only then new slices; empty slices are deleted. The controller never rebalances. A Service with no endpoints keeps one empty placeholder slice.",
        ],
        [
            "**EndpointSlices of deleted services.** Kubernetes leaves the slices of a deleted service to the garbage collector; the kernel's EndpointSlice controller also deletes them itself (a leftover from before the kernel had a garbage collector, kept so that traces do not change), and whichever of the two runs first removes them. It also re-syncs services when a node joins or leaves, where Kubernetes retries with back-off, and it writes no `endpoints.kubernetes.io/last-change-trigger-time` annotation or topology hints.",
            "**Name order, not random order.** Where Kubernetes iterates sets in random order, the kernel goes by name (pods, slices, endpoints), so the same pods always give the same slices.",
        ])
    { Source = "pkg/controller/endpointslice" };
}
