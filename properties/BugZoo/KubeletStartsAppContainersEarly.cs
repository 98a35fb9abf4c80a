using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Kubelet;
using KubeKernel.Model;

namespace KubeKernel.Properties.BugZoo;

/// <summary>
/// A kubelet that starts a pod's app containers together with its first init container instead of after the last one
/// (as a kubelet that forgot <c>computeInitContainerActions</c> would).
/// </summary>
public sealed class KubeletStartsAppContainersEarly() : ResultFilter(new KubeletController())
{
    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result) =>
        result with { Commands = result.Commands.Select(c => Early(view, c)).ToValueList() };

    private static Command Early(ClusterState view, Command command) =>
        command is SyncPod { Containers.IsEmpty: false } sync &&
        view.Store.Get<Pod>(sync.Pod.Namespace, sync.Pod.Name) is { Spec.InitContainers.IsEmpty: false } pod &&
        sync.Containers.Any(c => pod.Spec.InitContainers.Contains(c))
            ? sync with { Containers = sync.Containers.Concat(pod.Spec.Containers.Where(c => !sync.Containers.Contains(c))).ToValueList() }
            : command;
}
