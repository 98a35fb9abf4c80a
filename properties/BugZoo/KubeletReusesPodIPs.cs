using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Kubelet;
using KubeKernel.Model;
using KubeKernel.Networking;

namespace KubeKernel.Properties.BugZoo;

/// <summary>
/// A kubelet whose IPAM forgets the addresses it handed out: every pod it starts gets the first address of its node's pod
/// CIDR, so the second pod on a node shares the first one's IP.
/// </summary>
public sealed class KubeletReusesPodIPs() : ResultFilter(new KubeletController())
{
    protected override ReconcileResult Rewrite(ClusterState view, string key, ReconcileResult result) =>
        result with { Writes = result.Writes.Select(w => Reuse(view, w)).ToValueList() };

    private static Write Reuse(ClusterState view, Write write) =>
        write is UpdateStatus { Object: Pod { Status.PodIP: not null } pod } update &&
        view.Store.Get(pod.Key) is Pod { Status.PodIP: null } &&
        view.Store.Get<Node>(string.Empty, pod.Spec.NodeName ?? string.Empty) is { } node &&
        CidrSet.TryParseSloppy(node.Spec.PodCIDR, out var cidr)
            ? update with { Object = pod with { Status = pod.Status with { PodIP = IPv4.Format(cidr.Network + 2) } } }
            : write;
}
