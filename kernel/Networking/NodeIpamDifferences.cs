namespace KubeKernel.Networking;

/// <summary>How node IPAM (pod CIDRs, pod IPs, node addresses) differs from Kubernetes, as <c>docs/differences.md</c> states it.</summary>
/// <remarks>
/// Kept beside the allocators (<see cref="CidrSet"/>, the kubelet's pod IPs, node registration) so that a change of
/// behaviour and its description are one diff; the text is Markdown whose links are relative to <c>docs/</c>.
/// </remarks>
internal static class NodeIpamDifferences
{
    /// <summary>The Kubernetes source the allocator follows, a path in kubernetes/kubernetes.</summary>
    public const string Source = "pkg/controller/nodeipam";

    public const string Text = """
        What is modelled: kube-controller-manager's range allocator
        ([`pkg/controller/nodeipam/ipam/range_allocator.go`](https://github.com/kubernetes/kubernetes/blob/master/pkg/controller/nodeipam/ipam/range_allocator.go))
        over its
        [`cidrset`](https://github.com/kubernetes/kubernetes/blob/master/pkg/controller/nodeipam/ipam/cidrset/cidr_set.go):
        `ClusterConfig.ClusterCidr` is `--cluster-cidr` (default `10.244.0.0/16`, kind's and flannel's) and
        `ClusterConfig.NodeCidrMaskSize` is `--node-cidr-mask-size` (default 24), so the default holds 256 nodes. A node that
        registers with its own `spec.podCIDR` keeps it and the range counts as used (`occupyCIDRs`); a deleted node's range is free
        again at once (`ReleaseCIDR`); blocks of the service CIDR inside the cluster CIDR are never handed out
        (`filterOutServiceRange`). When no block is left the node gets none and the Warning `CIDRNotAvailable`,
        `Node node-257 status is now: CIDRNotAvailable`, is recorded from the component `cidrAllocator` (older Kubernetes releases
        recorded it as Normal). The allocator's own tests (`cidr_set_test.go`, the IPv4 rows) are ported in
        `properties/Networking/CidrSetTests.cs` under their Kubernetes names.

        Where the kernel differs, and why:

        - **Lowest free block, not the next candidate.** `CidrSet.AllocateNext` in Kubernetes starts its search at
          `nextCandidate`, one past the block it handed out last, and wraps round; the kernel always takes the lowest free block.
          Both agree until a node is deleted: then Kubernetes hands out the blocks after the last one first, the kernel the freed
          one. The kernel's choice is a function of the stored nodes alone (no cursor to lose on a restart, none to keep in the
          state), which is what lets it follow the nodes change by change and rebuild the same set from any store.
        - **The range is set when the node is created.** In Kubernetes the kubelet creates the Node without `spec.podCIDR` and the
          range allocator patches `spec.podCIDR`/`spec.podCIDRs` in a second write. The kernel's node registration writes the
          range in the create itself, so no Node without a range is ever stored when one is free. Only `spec.podCIDR` (single-stack
          IPv4) is modelled: no `spec.podCIDRs` list, no dual stack or IPv6 cluster CIDR, no cloud allocator.
        - **No retry for a node that got no range.** Kubernetes requeues such a node with rate-limited back-off (up to 1,000 s),
          so it gets a block once another node is deleted. The kernel allocates at registration only: the node keeps no range
          until a client sets `spec.podCIDR` (the kubelet then starts the pods that waited, and its next heartbeat reports Ready).
        - **What a node without a range does depends on the CNI plugin; the kernel models one that needs the range.** CNI
          plugins that configure pod networking from the node's pod CIDR (kind's kindnet, flannel, the bridge plugin with
          host-local IPAM) never write their configuration, so the container runtime reports `NetworkReady=false` and the kubelet
          posts `Ready=False`, reason `KubeletNotReady`, message `container runtime network not ready: NetworkReady=false
          reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized` (containerd's wording),
          for as long as the node has no range. The node lifecycle controller then taints it `node.kubernetes.io/not-ready`
          (NoSchedule at once, NoExecute at the zone's eviction rate), so nothing is scheduled there. A pod bound to it anyway (by
          `spec.nodeName`) is not started: the kubelet's `syncPod` records the Warning `NetworkNotReady`, `network is not ready:
          container runtime network not ready: …`, and the pod stays Pending with no IP. Kubernetes repeats that Event every
          second (aggregated into one with a count) and first writes the pod's Pending status with `ContainerCreating` and a
          `startTime`; the kernel records the Event once and writes no status. Plugins with their own IPAM (Calico, Cilium in
          cluster-pool mode) do not read `spec.podCIDR` at all, and there the node would be Ready.
        - **Pod IPs: lowest free address, and terminal pods keep theirs.** Pod IPs come from the node's real pod CIDR, any mask
          size, from network + 2 (network + 1 is the bridge's gateway) to the address before the broadcast one. host-local IPAM
          ([`allocator.go`](https://github.com/containernetworking/plugins/blob/main/plugins/ipam/host-local/backend/allocator/allocator.go))
          goes round-robin from the last address it reserved, and releases an IP when the pod's sandbox is torn down; the kernel
          takes the lowest free address and counts every pod on the node that shows an IP, Succeeded and Failed ones included,
          so an address is reused only once its pod object is gone. When the node's range is full, Kubernetes fails the sandbox
          (`no IP addresses available in range set`) and the pod stays `ContainerCreating`; the kernel starts it without an IP.
          With /24 node ranges (253 addresses) and the kubelet's default 110 pods per node this does not happen.
        - **Node InternalIPs.** Each node without addresses of its own gets the lowest free address of `172.18.0.0/16` from
          `172.18.0.2` (`172.18.0.1` is the API server), as kind's Docker network gives them out: the first 253 nodes get
          `172.18.0.2`–`172.18.0.254`, the next `172.18.0.255`, `172.18.1.0`, and so on, 65,533 in all. A deleted node's address
          is free again at once; addresses a node brings are kept and count as used.
        - **A deleted node with pods still on it.** As in Kubernetes, its range is free at once, while its pods stay until PodGC
          deletes them after its 40 s quarantine. A node that registers in between can get the same range, and its pods the IPs
          the orphans still show: the invariant `PodIPsUnique` reports that, since two live pod objects do hold one IP then.
        - **`serve` and `simulate` fit the default to the nodes.** kube-controller-manager uses exactly the `--cluster-cidr`
          it is given. `kernelctl serve` and `kernelctl simulate` without `--cluster-cidr` widen the default `10.244.0.0/16` to the smallest prefix that gives
          every node a block (see [serve.md](serve.md#flags)), so that `--nodes 5000` simulates a cluster
          configured for 5,000 nodes rather than one that runs out at 256. A given `--cluster-cidr` is used as is.
        """;
}
