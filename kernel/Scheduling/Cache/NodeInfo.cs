using System.Collections.Frozen;
using System.Collections.Immutable;
using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Scheduling;

/// <summary>A node as the scheduler sees it (<c>framework.NodeInfo</c>): the Node, its pods, and the sums of their requests.</summary>
/// <remarks>
/// Immutable: binding a pod yields a new NodeInfo that shares the rest. Pods are kept in key order so that anything
/// computed from them (preemption victims, explanations) does not depend on the order they arrived in. A pod counts
/// from binding until it is removed or finishes; terminating pods still count, as in the scheduler cache.
/// </remarks>
public sealed class NodeInfo
{
    private static readonly FrozenDictionary<string, long> NoImages = FrozenDictionary<string, long>.Empty;

    private NodeInfo(string name, Node? node, ImmutableArray<PodInfo> pods, ResourceList requested, ResourceList nonZeroRequested, int podsWithAffinity, int podsWithRequiredAntiAffinity, FrozenDictionary<string, long> images)
    {
        Name = name;
        NodeOrNull = node;
        Pods = pods;
        Requested = requested;
        NonZeroRequested = nonZeroRequested;
        PodsWithAffinity = podsWithAffinity;
        PodsWithRequiredAntiAffinity = podsWithRequiredAntiAffinity;
        Images = images;
        Allocatable = node is null ? default : PodResources.Allocatable(node);
        Unschedulable = node?.Spec.Unschedulable ?? false;
        var taints = node?.Spec.Taints ?? default;
        HasTaints = !taints.IsEmpty;
        HasPreferNoScheduleTaints = taints.Any(t => t.Effect == TaintEffect.PreferNoSchedule);
    }

    /// <summary>The node's <c>metadata.name</c>, by which pods name it in <c>spec.nodeName</c>.</summary>
    public string Name { get; }

    /// <summary>The Node; only nodes in the cache's node table are handed to plugins, and those always have one.</summary>
    public Node Node => NodeOrNull!;

    /// <summary>The Node's <c>metadata.labels</c>, which node selectors, node affinity and topology keys match.</summary>
    public ValueMap<string, string> Labels => Node.Metadata.Labels;

    /// <summary><c>spec.unschedulable</c>, copied here because filters read it for every node of every cycle.</summary>
    public bool Unschedulable { get; }

    /// <summary>Whether the Node has any <c>spec.taints</c>, so that a taint check on an untainted node costs nothing.</summary>
    public bool HasTaints { get; }

    /// <summary>Whether some taint has effect <c>PreferNoSchedule</c>, the only effect TaintToleration's Score counts.</summary>
    public bool HasPreferNoScheduleTaints { get; }

    /// <summary>The Node's <c>status.allocatable</c>: cpu in millicores, memory and ephemeral storage in bytes, and the pod limit; 0 for an amount not reported.</summary>
    public ResourceList Allocatable { get; }

    /// <summary>Σ requests of the pods on the node; <c>Pods</c> counts them.</summary>
    public ResourceList Requested { get; private set; }

    /// <summary>Σ non-zero requests (100m / 200Mi for containers without requests), what LeastAllocated scores.</summary>
    public ResourceList NonZeroRequested { get; private set; }

    /// <summary>The pods bound to the node that still count (not removed, not finished), in key order (namespace, then name).</summary>
    public ImmutableArray<PodInfo> Pods { get; private set; }

    /// <summary>How many of <see cref="Pods"/> declare pod affinity or anti-affinity, required or preferred (Kubernetes' <c>NodeInfo.PodsWithAffinity</c>).</summary>
    public int PodsWithAffinity { get; private set; }

    /// <summary>How many of <see cref="Pods"/> have required pod anti-affinity terms, which an incoming pod must not violate.</summary>
    public int PodsWithRequiredAntiAffinity { get; private set; }

    /// <summary>The node's images by every name it reports (<c>status.images[].names</c>), with their sizes.</summary>
    public FrozenDictionary<string, long> Images { get; }

    internal Node? NodeOrNull { get; }

    internal bool IsEmptyGhost => NodeOrNull is null && Pods.IsEmpty;

    internal static NodeInfo For(Node node) => new(node.Metadata.Name, node, [], default, default, 0, 0, ImagesOf(node));

    /// <summary>A placeholder for pods bound to a node the cache has not seen (yet): they count once it arrives.</summary>
    internal static NodeInfo Ghost(string name) => new(name, null, [], default, default, 0, 0, NoImages);

    /// <summary>This node with <paramref name="node"/> as its Node object (a label, taint or capacity change).</summary>
    internal NodeInfo WithNode(Node? node) =>
        new(Name, node, Pods, Requested, NonZeroRequested, PodsWithAffinity, PodsWithRequiredAntiAffinity, node is null ? NoImages : NodeOrNull is { } old && old.Status.Images == node.Status.Images ? Images : ImagesOf(node));

    /// <summary>This node with <paramref name="pod"/> added, or replacing the pod with the same key.</summary>
    internal NodeInfo WithPod(PodInfo pod)
    {
        var index = IndexOf(pod.Key);
        if (index >= 0)
        {
            return Without(index).WithPod(pod);
        }

        return WithPods(
            Pods.Insert(~index, pod),
            Requested + pod.Requests,
            NonZeroRequested + pod.NonZeroRequests,
            PodsWithAffinity + (pod.HasPodAffinity ? 1 : 0),
            PodsWithRequiredAntiAffinity + (pod.HasRequiredAntiAffinity ? 1 : 0));
    }

    /// <summary>This node without the pod <paramref name="key"/> (itself when the pod is not here).</summary>
    internal NodeInfo WithoutPod(ObjectKey key)
    {
        var index = IndexOf(key);
        return index < 0 ? this : Without(index);
    }

    /// <summary>
    /// This node with its pod <paramref name="key"/> holding <paramref name="pod"/>, when the pod it holds
    /// <see cref="PodInfo.Derives"/> the same fields (a status write); null when it holds no such pod.
    /// </summary>
    internal NodeInfo? WithPodRefreshed(ObjectKey key, Pod pod)
    {
        var index = IndexOf(key);
        return index >= 0 && Pods[index].Derives(pod)
            ? WithPods(Pods.SetItem(index, Pods[index].Refreshed(pod)), Requested, NonZeroRequested, PodsWithAffinity, PodsWithRequiredAntiAffinity)
            : null;
    }

    /// <summary>The pod <paramref name="key"/> among <see cref="Pods"/> (a binary search), or null when it does not count on this node.</summary>
    /// <param name="key">The pod's key.</param>
    public PodInfo? FindPod(ObjectKey key)
    {
        var index = IndexOf(key);
        return index < 0 ? null : Pods[index];
    }

    /// <summary>The name and pod count, e.g. <c>node-1 (3 pods)</c>.</summary>
    public override string ToString() => $"{Name} ({Pods.Length} pods)";

    private NodeInfo Without(int index)
    {
        var pod = Pods[index];
        return WithPods(
            Pods.RemoveAt(index),
            Requested - pod.Requests,
            NonZeroRequested - pod.NonZeroRequests,
            PodsWithAffinity - (pod.HasPodAffinity ? 1 : 0),
            PodsWithRequiredAntiAffinity - (pod.HasRequiredAntiAffinity ? 1 : 0));
    }

    /// <summary>
    /// The same node with other pods and sums: a copy of this one, so what the node alone decides (and any field added
    /// later) carries over without being listed or recomputed. Only a fresh copy is ever set.
    /// </summary>
    private NodeInfo WithPods(ImmutableArray<PodInfo> pods, ResourceList requested, ResourceList nonZeroRequested, int podsWithAffinity, int podsWithRequiredAntiAffinity)
    {
        var copy = (NodeInfo)MemberwiseClone();
        copy.Pods = pods;
        copy.Requested = requested;
        copy.NonZeroRequested = nonZeroRequested;
        copy.PodsWithAffinity = podsWithAffinity;
        copy.PodsWithRequiredAntiAffinity = podsWithRequiredAntiAffinity;
        return copy;
    }

    private int IndexOf(ObjectKey key)
    {
        int lo = 0, hi = Pods.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var c = Pods[mid].Key.CompareTo(key);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    private static FrozenDictionary<string, long> ImagesOf(Node node)
    {
        if (node.Status.Images.IsEmpty)
        {
            return NoImages;
        }

        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var image in node.Status.Images)
        {
            foreach (var name in image.Names)
            {
                sizes[name] = image.SizeBytes;
            }
        }

        return sizes.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
