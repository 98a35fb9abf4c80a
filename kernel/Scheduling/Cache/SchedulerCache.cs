using System.Collections.Immutable;
using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Scheduling.Plugins;
using KubeKernel.Store;

namespace KubeKernel.Scheduling;

/// <summary>
/// The scheduler cache: every node with its bound pods and their summed requests, the pods waiting to be scheduled in
/// queue order, nominated pods, and counts of the cluster events seen — kept up to date change by change.
/// </summary>
/// <remarks>
/// <para>
/// The kernel applies every committed store change here (<c>StepContext.Commit</c>), so a scheduling cycle reads a
/// consistent view in O(nodes examined) instead of rebuilding one from the whole store. Everything except
/// <see cref="Events"/> is a function of the store's content: <see cref="Build"/> recomputes it from scratch, and the
/// <c>SchedulerCacheMatchesStore</c> law checks the incremental cache against it after random histories.
/// </para>
/// <para>
/// Equality compares a fingerprint (store revision, event counts, sizes): the content is derived from the store,
/// whose own equality already decides whether two cluster states are the same.
/// </para>
/// </remarks>
internal sealed class SchedulerCache : IEquatable<SchedulerCache>
{
    private static readonly ImmutableSortedSet<PendingPod> NoPending = ImmutableSortedSet.Create<PendingPod>(PrioritySort.Instance);
    private static readonly ImmutableSortedDictionary<string, NodeInfo> NoGhosts = ImmutableSortedDictionary.Create<string, NodeInfo>(StringComparer.Ordinal);
    private static readonly ImmutableSortedDictionary<string, ImmutableArray<PodInfo>> NoNominations = ImmutableSortedDictionary.Create<string, ImmutableArray<PodInfo>>(StringComparer.Ordinal);
    private static readonly ImmutableDictionary<string, int> NoImages = ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);
    private static readonly ImmutableSortedDictionary<string, PodGroup> NoGroups = ImmutableSortedDictionary.Create<string, PodGroup>(StringComparer.Ordinal);
    private static readonly ImmutableSortedDictionary<string, ImmutableSortedSet<string>> NoPairs = ImmutableSortedDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal);
    private static readonly ImmutableSortedSet<string> NoKeys = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    private readonly ImmutableSortedDictionary<string, NodeInfo> ghosts;
    private readonly ImmutableSortedDictionary<string, ImmutableArray<PodInfo>> nominated;
    private readonly ImmutableDictionary<string, int> imageNodes;
    private readonly Groups groups;
    private readonly Hostnames hostnames;

    private SchedulerCache(
        NodeTable nodes,
        ImmutableSortedDictionary<string, NodeInfo> ghosts,
        ImmutableSortedSet<PendingPod> pending,
        ImmutableSortedDictionary<string, ImmutableArray<PodInfo>> nominated,
        ImmutableDictionary<string, int> imageNodes,
        Groups groups,
        Hostnames hostnames,
        int podsWithAffinity,
        int podsWithRequiredAntiAffinity,
        ClusterEventCounts events,
        long revision)
    {
        Nodes = nodes;
        this.groups = groups;
        this.hostnames = hostnames;
        this.ghosts = ghosts;
        Pending = pending;
        this.nominated = nominated;
        this.imageNodes = imageNodes;
        PodsWithAffinity = podsWithAffinity;
        PodsWithRequiredAntiAffinity = podsWithRequiredAntiAffinity;
        Events = events;
        Revision = revision;
    }

    public static SchedulerCache Empty { get; } = new(NodeTable.Empty, NoGhosts, NoPending, NoNominations, NoImages, Groups.Empty, new Hostnames(NoImages, 0), 0, 0, default, 0);

    /// <summary>Every node, in ordinal name order.</summary>
    public NodeTable Nodes { get; }

    /// <summary>Unbound, ungated, live pods in queue order (<see cref="PrioritySort"/>), whichever scheduler they name.</summary>
    public ImmutableSortedSet<PendingPod> Pending { get; }

    /// <summary>Bound pods on nodes grouped by namespace and labels, with their counts per topology domain (see <see cref="PodGroup"/>).</summary>
    public IEnumerable<PodGroup> LabelGroups => groups.Labels.Values;

    /// <summary>
    /// The label groups of <paramref name="namespace"/> whose pods <paramref name="selector"/> matches, each with its
    /// terminating pods' group (null when none of them is being deleted), in group key order.
    /// </summary>
    /// <remarks>
    /// A selector with <c>matchLabels</c> looks its first pair up in the label-pair index, so the cost is the groups
    /// carrying that pair — a ReplicaSet's selector finds its own pods' groups, not every group of the cluster.
    /// </remarks>
    public IEnumerable<(PodGroup Group, PodGroup? Terminating)> LabelGroupsMatching(CompiledSelector selector, string @namespace)
    {
        IEnumerable<PodGroup> candidates;
        if (selector.FirstPair is var (key, value))
        {
            candidates = groups.LabelPairs.TryGetValue(Groups.LabelPair(@namespace, key, value), out var keys)
                ? keys.Select(k => groups.Labels[k])
                : [];
        }
        else
        {
            candidates = groups.Labels.Values.Where(g => g.Representative.Namespace == @namespace);
        }

        foreach (var group in candidates)
        {
            if (selector.Matches(group.Representative.Pod.Metadata.Labels))
            {
                yield return (group, groups.Terminating.GetValueOrDefault(group.Key));
            }
        }
    }

    /// <summary>Bound pods on nodes that declare pod affinity or anti-affinity, grouped by namespace and terms.</summary>
    public IEnumerable<PodGroup> AffinityGroups => groups.Affinity.Values;

    /// <summary>
    /// No two nodes share a <c>kubernetes.io/hostname</c> value, so a hostname domain is one node: InterPodAffinity then
    /// counts the pods on the node itself instead of looking the domain up.
    /// </summary>
    public bool HostnamesAreUnique => hostnames.Shared == 0;

    /// <summary>Bound pods (on any node) that declare pod affinity or anti-affinity.</summary>
    public int PodsWithAffinity { get; }

    /// <summary>Bound pods (on any node) with required pod anti-affinity terms.</summary>
    public int PodsWithRequiredAntiAffinity { get; }

    public ClusterEventCounts Events { get; }

    /// <summary>The store revision of the last change applied.</summary>
    public long Revision { get; }

    /// <summary>The pending pods nominated to run on <paramref name="node"/> (by preemption), in key order.</summary>
    public ImmutableArray<PodInfo> NominatedPods(string node) => nominated.TryGetValue(node, out var pods) ? pods : [];

    public bool HasNominatedPods => !nominated.IsEmpty;

    /// <summary>On how many nodes the image named <paramref name="image"/> is present (ImageLocality's spread).</summary>
    public int NodesWithImage(string image) => imageNodes.TryGetValue(image, out var n) ? n : 0;

    public bool AnyNodeHasImages => !imageNodes.IsEmpty;

    /// <summary>The pods bound to <paramref name="node"/> that are counted against it, whether or not the node exists yet.</summary>
    public ImmutableArray<PodInfo> PodsOn(string node) =>
        Nodes.Find(node)?.Pods ?? (ghosts.TryGetValue(node, out var ghost) ? ghost.Pods : []);

    /// <summary>A pod counts against its node from binding until it is removed or finishes.</summary>
    public static bool Counts(Pod pod) => pod.IsBound && !pod.IsTerminal;

    /// <summary>A pod is waiting for a scheduler: unbound, not finished, not being deleted and not gated.</summary>
    public static bool IsPending(Pod pod) => !pod.IsBound && !pod.IsTerminal && !pod.Metadata.IsBeingDeleted && SchedulingGates.Allows(pod);

    /// <summary>The cache after one committed store change.</summary>
    public SchedulerCache Apply(StoreChange change) => change.Object switch
    {
        Pod => ApplyPod(change.Type == WatchEventType.Added ? null : (change.Type == WatchEventType.Deleted ? change.Object : change.Previous) as Pod, change.Type == WatchEventType.Deleted ? null : change.Object as Pod, change.Revision),
        Node node => ApplyNode(change.Type, node, change.Previous as Node, change.Revision),
        PersistentVolume or PersistentVolumeClaim => With(events: Events.Add(ClusterEvents.VolumeChange), revision: change.Revision),
        _ => With(revision: change.Revision),
    };

    /// <summary>This cache with <paramref name="node"/> replacing the node of the same name: preemption's dry runs remove victims this way.</summary>
    public SchedulerCache WithNode(NodeInfo node)
    {
        var index = Nodes.IndexOf(node.Name);
        if (index < 0)
        {
            return this;
        }

        var old = Nodes[index];
        var labels = node.Labels;
        var regrouped = groups;
        foreach (var gone in old.Pods.Where(p => node.FindPod(p.Key) is null))
        {
            regrouped = regrouped.With(gone, labels, -1);
        }

        foreach (var added in node.Pods.Where(p => old.FindPod(p.Key) is null))
        {
            regrouped = regrouped.With(added, labels, +1);
        }

        return With(
            nodes: Nodes.SetItem(index, node),
            groups: regrouped,
            podsWithAffinity: PodsWithAffinity - old.PodsWithAffinity + node.PodsWithAffinity,
            podsWithRequiredAntiAffinity: PodsWithRequiredAntiAffinity - old.PodsWithRequiredAntiAffinity + node.PodsWithRequiredAntiAffinity);
    }

    /// <summary>The cache of <paramref name="store"/>, computed from scratch (event counts start at zero).</summary>
    public static SchedulerCache Build(ObjectStore store)
    {
        var cache = Empty;
        foreach (var node in store.List<Node>())
        {
            cache = cache.ApplyNode(WatchEventType.Added, node, null, store.Revision);
        }

        foreach (var pod in store.List<Pod>())
        {
            cache = cache.ApplyPod(null, pod, store.Revision);
        }

        return cache.With(events: default, revision: store.Revision);
    }

    /// <summary>The same nodes, pods, sums, pending queue and nominations as <paramref name="other"/> (event counts aside).</summary>
    public bool SameContent(SchedulerCache other) =>
        Describe() == other.Describe();

    /// <summary>A complete rendering of the derived content, for comparisons and failure messages.</summary>
    public string Describe()
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in Nodes.Concat(ghosts.Values).Where(n => !n.IsEmptyGhost))
        {
            text.Append(node.NodeOrNull is null ? "ghost " : "node ").Append(node.Name).Append(node.NodeOrNull is { } n ? $" rv{n.Metadata.ResourceVersion}" : string.Empty)
                .Append($" requested={node.Requested} nonzero={node.NonZeroRequested} affinity={node.PodsWithAffinity} anti={node.PodsWithRequiredAntiAffinity}:");
            foreach (var pod in node.Pods)
            {
                text.Append(' ').Append(pod.Key.NamespacedName).Append('@').Append(pod.Pod.Metadata.ResourceVersion);
            }

            text.Append('\n');
        }

        text.Append("pending:");
        foreach (var pod in Pending)
        {
            text.Append(' ').Append(pod);
        }

        text.Append("\nnominated:");
        foreach (var (node, pods) in nominated)
        {
            text.Append(' ').Append(node).Append('=').Append(string.Join(",", pods.Select(p => p.Key.NamespacedName)));
        }

        foreach (var group in groups.Labels.Values.Concat(groups.Affinity.Values))
        {
            text.Append($"\ngroup {group.Key} pods={group.Pods}");
        }

        foreach (var group in groups.Terminating.Values)
        {
            text.Append($"\nterminating {group.Key} pods={group.Pods}");
        }

        foreach (var (pair, keys) in groups.LabelPairs)
        {
            text.Append($"\npair {pair}: {string.Join(" | ", keys)}");
        }

        text.Append($"\naffinity={PodsWithAffinity} anti={PodsWithRequiredAntiAffinity} images=");
        text.Append(string.Join(",", imageNodes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}")));
        return text.ToString();
    }

    public bool Equals(SchedulerCache? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Revision == other.Revision && Events == other.Events && Nodes.Count == other.Nodes.Count && Pending.Count == other.Pending.Count));

    public override bool Equals(object? obj) => Equals(obj as SchedulerCache);

    public override int GetHashCode() => HashCode.Combine(Revision, Events, Nodes.Count, Pending.Count);

    public override string ToString() => $"SchedulerCache(revision {Revision}, {Nodes.Count} nodes, {Pending.Count} pending)";

    private SchedulerCache With(
        NodeTable? nodes = null,
        ImmutableSortedDictionary<string, NodeInfo>? ghosts = null,
        ImmutableSortedSet<PendingPod>? pending = null,
        ImmutableSortedDictionary<string, ImmutableArray<PodInfo>>? nominated = null,
        ImmutableDictionary<string, int>? imageNodes = null,
        Groups? groups = null,
        Hostnames? hostnames = null,
        int? podsWithAffinity = null,
        int? podsWithRequiredAntiAffinity = null,
        ClusterEventCounts? events = null,
        long? revision = null) =>
        new(
            nodes ?? Nodes,
            ghosts ?? this.ghosts,
            pending ?? Pending,
            nominated ?? this.nominated,
            imageNodes ?? this.imageNodes,
            groups ?? this.groups,
            hostnames ?? this.hostnames,
            podsWithAffinity ?? PodsWithAffinity,
            podsWithRequiredAntiAffinity ?? PodsWithRequiredAntiAffinity,
            events ?? Events,
            revision ?? Revision);

    private SchedulerCache ApplyPod(Pod? before, Pod? after, long revision)
    {
        if (before is not null && after is not null && RefreshedStatus(before, after, revision) is { } refreshed)
        {
            return refreshed;
        }

        var nodes = Nodes;
        var ghostNodes = ghosts;
        var podGroups = groups;
        var affinity = PodsWithAffinity;
        var anti = PodsWithRequiredAntiAffinity;
        var events = ClusterEvents.None;

        // Whether the pod counted against its node is read from the cache itself: a Deleted change may carry the
        // pod's final version (say, Succeeded after its last finalizer went), not the one the cache holds.
        var wasCounted = before is { IsBound: true } && Lookup(nodes, ghostNodes, before.Spec.NodeName!).FindPod(before.Key) is not null;
        var isCounted = after is not null && Counts(after);
        if (wasCounted)
        {
            var nodeName = before!.Spec.NodeName!;
            var node = Lookup(nodes, ghostNodes, nodeName);
            if (node.FindPod(before.Key) is { } old)
            {
                affinity -= old.HasPodAffinity ? 1 : 0;
                anti -= old.HasRequiredAntiAffinity ? 1 : 0;
                (nodes, ghostNodes) = Store(nodes, ghostNodes, node.WithoutPod(before.Key));
                if (node.NodeOrNull is { } n)
                {
                    podGroups = podGroups.With(old, n.Metadata.Labels, -1);
                }
            }

            if (!isCounted)
            {
                events |= ClusterEvents.AssignedPodDelete;
            }
        }

        if (isCounted)
        {
            var info = PodInfo.Of(after!);
            affinity += info.HasPodAffinity ? 1 : 0;
            anti += info.HasRequiredAntiAffinity ? 1 : 0;
            var node = Lookup(nodes, ghostNodes, after!.Spec.NodeName!);
            (nodes, ghostNodes) = Store(nodes, ghostNodes, node.WithPod(info));
            if (node.NodeOrNull is { } n)
            {
                podGroups = podGroups.With(info, n.Metadata.Labels, +1);
            }
            if (!wasCounted)
            {
                events |= ClusterEvents.AssignedPodAdd;
            }
            else if (before!.Metadata.Labels != after.Metadata.Labels)
            {
                events |= ClusterEvents.AssignedPodUpdate;
            }
        }

        var pending = Pending;
        if (before is not null)
        {
            // Removing a pod that is not pending changes nothing; the queue fields (priority, creation) never change.
            pending = pending.Remove(PendingPod.Of(before));
        }

        if (after is not null && IsPending(after))
        {
            pending = pending.Add(PendingPod.Of(after));
        }

        var nominations = nominated;
        if (before is not null && before.Status.NominatedNodeName is { Length: > 0 } oldNode && nominations.TryGetValue(oldNode, out var nominatedThere))
        {
            var pods = nominatedThere.RemoveAll(p => p.Key == before.Key);
            nominations = pods.IsEmpty ? nominations.Remove(oldNode) : pods.Length == nominatedThere.Length ? nominations : nominations.SetItem(oldNode, pods);
        }

        if (after is not null && NominatedNode(after) is { } newNode)
        {
            var pods = nominations.TryGetValue(newNode, out var existing) ? existing : [];
            nominations = nominations.SetItem(newNode, [.. pods.Append(PodInfo.Of(after)).OrderBy(p => p.Key)]);
        }

        return new SchedulerCache(nodes, ghostNodes, pending, nominations, imageNodes, podGroups, hostnames, affinity, anti, Events.Add(events), revision);
    }

    /// <summary>
    /// The cache after a write that changed neither the spec nor the labels of a pod counted on its node — the kubelet's
    /// status writes, most writes of all: only the pod object held changes, nothing derived from it. Null otherwise.
    /// </summary>
    /// <remarks>A bound pod is never pending or nominated, so the queue and the nominations cannot change either.</remarks>
    private SchedulerCache? RefreshedStatus(Pod before, Pod after, long revision)
    {
        if (!before.IsBound || !Counts(after) || before.Spec.NodeName != after.Spec.NodeName)
        {
            return null;
        }

        var nodeName = after.Spec.NodeName!;
        if (Lookup(Nodes, ghosts, nodeName).WithPodRefreshed(after.Key, after) is not { } node)
        {
            return null;
        }

        var (nodes, ghostNodes) = Store(Nodes, ghosts, node);
        var regrouped = groups;
        if (before.Metadata.IsBeingDeleted != after.Metadata.IsBeingDeleted && node.NodeOrNull is { } n)
        {
            regrouped = groups.WithTerminating(node.FindPod(after.Key)!, n.Metadata.Labels, after.Metadata.IsBeingDeleted ? +1 : -1);
        }

        return new SchedulerCache(nodes, ghostNodes, Pending, nominated, imageNodes, regrouped, hostnames, PodsWithAffinity, PodsWithRequiredAntiAffinity, Events, revision);
    }

    private SchedulerCache ApplyNode(WatchEventType type, Node node, Node? previous, long revision)
    {
        var name = node.Metadata.Name;
        var index = Nodes.IndexOf(name);
        switch (type)
        {
            case WatchEventType.Added when index < 0:
                {
                    var info = ghosts.TryGetValue(name, out var ghost) ? ghost.WithNode(node) : NodeInfo.For(node);
                    return With(
                        nodes: Nodes.Add(info),
                        ghosts: ghosts.Remove(name),
                        groups: groups.WithAll(info.Pods, node.Metadata.Labels, +1),
                        imageNodes: CountImages(imageNodes, node, +1),
                        hostnames: hostnames.With(node, +1),
                        events: Events.Add(ClusterEvents.NodeAdd),
                        revision: revision);
                }

            case WatchEventType.Deleted when index >= 0:
                {
                    var info = Nodes[index];
                    return With(
                        nodes: Nodes.RemoveAt(index),
                        groups: groups.WithAll(info.Pods, info.Labels, -1),
                        ghosts: info.Pods.IsEmpty ? ghosts : ghosts.SetItem(name, info.WithNode(null)),
                        imageNodes: CountImages(imageNodes, info.Node, -1),
                        hostnames: hostnames.With(info.Node, -1),
                        events: Events.Add(ClusterEvents.NodeDelete),
                        revision: revision);
                }

            case WatchEventType.Modified when index >= 0:
                {
                    var old = Nodes[index].Node;
                    var relevant = old.Metadata.Labels != node.Metadata.Labels || old.Spec.Taints != node.Spec.Taints ||
                        old.Spec.Unschedulable != node.Spec.Unschedulable || old.Status.Allocatable != node.Status.Allocatable;
                    var images = old.Status.Images == node.Status.Images ? imageNodes : CountImages(CountImages(imageNodes, old, -1), node, +1);
                    var pods = Nodes[index].Pods;
                    var regrouped = old.Metadata.Labels == node.Metadata.Labels
                        ? groups
                        : groups.WithAll(pods, old.Metadata.Labels, -1).WithAll(pods, node.Metadata.Labels, +1);
                    return With(
                        nodes: Nodes.SetItem(index, Nodes[index].WithNode(node)),
                        groups: regrouped,
                        hostnames: old.Metadata.Labels == node.Metadata.Labels ? hostnames : hostnames.With(old, -1).With(node, +1),
                        imageNodes: images,
                        events: Events.Add(relevant ? ClusterEvents.NodeUpdate : ClusterEvents.None),
                        revision: revision);
                }

            default:
                return With(revision: revision);
        }
    }

    private static string? NominatedNode(Pod pod) =>
        IsPending(pod) && !string.IsNullOrEmpty(pod.Status.NominatedNodeName) ? pod.Status.NominatedNodeName : null;

    private static NodeInfo Lookup(NodeTable nodes, ImmutableSortedDictionary<string, NodeInfo> ghosts, string name) =>
        nodes.Find(name) ?? (ghosts.TryGetValue(name, out var ghost) ? ghost : NodeInfo.Ghost(name));

    private static (NodeTable Nodes, ImmutableSortedDictionary<string, NodeInfo> Ghosts) Store(NodeTable nodes, ImmutableSortedDictionary<string, NodeInfo> ghosts, NodeInfo info)
    {
        var index = nodes.IndexOf(info.Name);
        if (index >= 0)
        {
            return (nodes.SetItem(index, info), ghosts);
        }

        return (nodes, info.IsEmptyGhost ? ghosts.Remove(info.Name) : ghosts.SetItem(info.Name, info));
    }

    private static ImmutableDictionary<string, int> CountImages(ImmutableDictionary<string, int> counts, Node node, int delta)
    {
        foreach (var name in node.Status.Images.SelectMany(i => i.Names).Distinct(StringComparer.Ordinal))
        {
            var n = (counts.TryGetValue(name, out var c) ? c : 0) + delta;
            counts = n == 0 ? counts.Remove(name) : counts.SetItem(name, n);
        }

        return counts;
    }

    /// <summary>
    /// The groupings of bound pods the pod-counting plugins read (see <see cref="PodGroup"/>): by namespace and labels
    /// (with the same groups for the terminating pods alone, which topology spread leaves out, and the label-pair index
    /// that finds a selector's groups), and by affinity terms.
    /// </summary>
    private sealed record Groups(
        ImmutableSortedDictionary<string, PodGroup> Labels,
        ImmutableSortedDictionary<string, PodGroup> Affinity,
        ImmutableSortedDictionary<string, PodGroup> Terminating,
        ImmutableSortedDictionary<string, ImmutableSortedSet<string>> LabelPairs)
    {
        public static Groups Empty { get; } = new(NoGroups, NoGroups, NoGroups, NoPairs);

        public Groups With(PodInfo pod, ValueMap<string, string> nodeLabels, int delta)
        {
            var labels = Update(Labels, pod.LabelGroupKey, pod, nodeLabels, delta);
            var pairs = LabelPairs;
            if (Labels.ContainsKey(pod.LabelGroupKey) != labels.ContainsKey(pod.LabelGroupKey))
            {
                // A group came or went: file it under (or take it from) each of its label pairs.
                foreach (var (key, value) in pod.Pod.Metadata.Labels)
                {
                    var pair = LabelPair(pod.Namespace, key, value);
                    var keys = (pairs.TryGetValue(pair, out var k) ? k : NoKeys).Remove(pod.LabelGroupKey);
                    keys = delta > 0 ? keys.Add(pod.LabelGroupKey) : keys;
                    pairs = keys.IsEmpty ? pairs.Remove(pair) : pairs.SetItem(pair, keys);
                }
            }

            return new(
                labels,
                pod.HasPodAffinity ? Update(Affinity, pod.AffinityGroupKey, pod, nodeLabels, delta) : Affinity,
                pod.Pod.Metadata.IsBeingDeleted ? Update(Terminating, pod.LabelGroupKey, pod, nodeLabels, delta) : Terminating,
                pairs);
        }

        public Groups WithAll(IEnumerable<PodInfo> pods, ValueMap<string, string> nodeLabels, int delta)
        {
            var result = this;
            foreach (var pod in pods)
            {
                result = result.With(pod, nodeLabels, delta);
            }

            return result;
        }

        /// <summary>These groups after a counted pod's deletion began (<paramref name="delta"/> +1) on a node with <paramref name="nodeLabels"/>.</summary>
        public Groups WithTerminating(PodInfo pod, ValueMap<string, string> nodeLabels, int delta) =>
            this with { Terminating = Update(Terminating, pod.LabelGroupKey, pod, nodeLabels, delta) };

        public static string LabelPair(string @namespace, string key, string value) => @namespace + "\0" + key + "=" + value;

        private static ImmutableSortedDictionary<string, PodGroup> Update(ImmutableSortedDictionary<string, PodGroup> groups, string key, PodInfo pod, ValueMap<string, string> nodeLabels, int delta)
        {
            var group = (groups.TryGetValue(key, out var g) ? g : PodGroup.Empty(key, pod)).With(delta, nodeLabels);
            return group.Pods == 0 ? groups.Remove(key) : groups.SetItem(key, group);
        }
    }

    /// <summary>How many nodes carry each <c>kubernetes.io/hostname</c> value, and how many values more than one node carries.</summary>
    private sealed record Hostnames(ImmutableDictionary<string, int> Counts, int Shared)
    {
        public const string Key = "kubernetes.io/hostname";

        public Hostnames With(Node node, int delta)
        {
            if (!node.Metadata.Labels.TryGetValue(Key, out var value))
            {
                return this;
            }

            var before = Counts.GetValueOrDefault(value);
            var after = before + delta;
            var shared = Shared + (after > 1 ? 1 : 0) - (before > 1 ? 1 : 0);
            return new Hostnames(after == 0 ? Counts.Remove(value) : Counts.SetItem(value, after), shared);
        }
    }
}
