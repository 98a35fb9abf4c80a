using KubeKernel.Model;
using KubeKernel.Networking;

namespace KubeKernel.Exploring;

/// <summary>The renaming that makes symmetric worlds write the same bytes: interchangeable nodes and pods get canonical names.</summary>
/// <remarks>
/// <para>
/// Without symmetry only UIDs are renamed, to the object that bears them (<c>uid:ReplicaSet/default/web-7d4b9</c>): the
/// kernel draws a UID from the creating revision, so the same objects created in another order would otherwise differ.
/// </para>
/// <para>
/// With symmetry, nodes are ranked by what they hold — the node without its name and pod CIDR, its lease, and the pods
/// bound to it without their names — and renamed <c>node#0</c>, <c>node#1</c>…; a node's pod CIDR and its pods' IPs
/// follow it (<c>cidr#0</c>, <c>ip#0+2</c>). Then the objects of one <c>generateName</c> and owner (the pods of one
/// ReplicaSet) are ranked by their content and renamed <c>web-7d4b9-#0</c>…, pods before the objects that name pods.
/// Equal ranks mean interchangeable objects, so the order among them does not matter. This is the symmetry TLC's
/// symmetry sets declare, with one caveat: the kernel breaks exact ties by name (the scheduler between equally scored
/// nodes, the ReplicaSet controller between equally ranked pods), so two worlds merged here can take different but
/// symmetric paths; <c>--no-symmetry</c> explores without merging them.
/// </para>
/// </remarks>
internal static class CanonicalNames
{
    /// <summary>The renaming for <paramref name="state"/>; <paramref name="writer"/> is used to rank, and left with the renaming set.</summary>
    public static Dictionary<string, string> Of(ClusterState state, bool symmetry, CanonicalWriter writer)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        writer.Renames = renames;
        foreach (var table in state.Store.Tables.Values)
        {
            foreach (var item in table.Values)
            {
                if (!symmetry || string.IsNullOrEmpty(item.Metadata.GenerateName))
                {
                    renames[item.Metadata.Uid] = $"uid:{item.Kind}/{item.Metadata.Namespace}/{item.Metadata.Name}";
                }
            }
        }

        if (symmetry)
        {
            RankNodes(state, renames, writer);
            RankGenerated(state.Store.List<Pod>(), renames, writer);
            foreach (var table in state.Store.Tables)
            {
                if (table.Key != Kinds.Pod.Kind)
                {
                    RankGenerated(table.Value.Values, renames, writer);
                }
            }
        }

        return renames;
    }

    private static void RankNodes(ClusterState state, Dictionary<string, string> renames, CanonicalWriter writer)
    {
        var ranked = new List<(UInt128 Signature, Node Node)>();
        foreach (var node in state.Store.List<Node>())
        {
            var name = node.Metadata.Name;
            using (Placeholder(renames, name, "node"))
            using (Placeholder(renames, node.Spec.PodCIDR, "cidr"))
            {
                writer.Clear();
                writer.Write(node);
                writer.Write(state.NodeLeases.TryGetValue(name, out var lease) ? lease : -1);
                writer.Write(state.PartitionedNodes.TryGetValue(name, out var since) ? since : -1);
                writer.WriteUnordered(state.Store.PodsOn(name).Select(pod => PodWithoutIdentity(pod, renames, writer)).ToList());
                ranked.Add((writer.Hash, node));
            }
        }

        ranked.Sort((a, b) => a.Signature != b.Signature ? a.Signature.CompareTo(b.Signature) : string.CompareOrdinal(a.Node.Metadata.Name, b.Node.Metadata.Name));
        for (var rank = 0; rank < ranked.Count; rank++)
        {
            var node = ranked[rank].Node;
            renames[node.Metadata.Name] = $"node#{rank}";
            if (node.Spec.PodCIDR is { } cidrText && IPv4Cidr.TryParse(cidrText, out var cidr))
            {
                renames[cidrText] = $"cidr#{rank}";
                foreach (var pod in state.Store.PodsOn(node.Metadata.Name))
                {
                    if (pod.Status.PodIP is { } ip && IPv4.TryParse(ip, out var address))
                    {
                        renames[ip] = $"ip#{rank}+{address - cidr.Network}";
                    }
                }
            }
        }
    }

    /// <summary>The hash of a pod with its name, UID, node and IP as placeholders: what it is, not which one or where.</summary>
    private static UInt128 PodWithoutIdentity(Pod pod, Dictionary<string, string> renames, CanonicalWriter writer)
    {
        using (Placeholder(renames, pod.Metadata.Name, "pod"))
        using (Placeholder(renames, pod.Metadata.Uid, "uid"))
        using (Placeholder(renames, pod.Status.PodIP, "ip"))
        {
            return writer.HashOf(pod);
        }
    }

    /// <summary>Ranks objects with a generated name among those of the same kind, namespace, prefix and owner, by content.</summary>
    private static void RankGenerated(IEnumerable<KubeObject> objects, Dictionary<string, string> renames, CanonicalWriter writer)
    {
        var groups = new SortedDictionary<string, List<(UInt128 Signature, KubeObject Object)>>(StringComparer.Ordinal);
        foreach (var item in objects)
        {
            var meta = item.Metadata;
            if (string.IsNullOrEmpty(meta.GenerateName))
            {
                continue;
            }

            var owner = meta.ControllerRef?.Uid is { } uid && renames.TryGetValue(uid, out var canonical) ? canonical : string.Empty;
            var group = $"{item.Kind}/{meta.Namespace}/{meta.GenerateName}/{owner}";
            if (!groups.TryGetValue(group, out var members))
            {
                groups[group] = members = [];
            }

            using (Placeholder(renames, meta.Name, "self"))
            using (Placeholder(renames, meta.Uid, "uid"))
            {
                members.Add((writer.HashOf(item), item));
            }
        }

        foreach (var members in groups.Values)
        {
            members.Sort((a, b) => a.Signature != b.Signature ? a.Signature.CompareTo(b.Signature) : string.CompareOrdinal(a.Object.Metadata.Name, b.Object.Metadata.Name));
            for (var rank = 0; rank < members.Count; rank++)
            {
                var meta = members[rank].Object.Metadata;
                var name = $"{meta.GenerateName}#{rank}";
                renames[meta.Name] = name;
                renames[meta.Uid] = $"uid:{members[rank].Object.Kind}/{meta.Namespace}/{name}";

                // Controllers key their memory by namespace/name (the kubelet's pod records, the scheduler's assumed pods).
                renames[$"{meta.Namespace}/{meta.Name}"] = $"{meta.Namespace}/{name}";
            }
        }
    }

    /// <summary>Renames <paramref name="text"/> to <paramref name="placeholder"/> until disposed, then puts back what was there.</summary>
    private static Scope Placeholder(Dictionary<string, string> renames, string? text, string placeholder)
    {
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        var had = renames.TryGetValue(text, out var previous);
        renames[text] = placeholder;
        return new Scope(renames, text, had ? previous : null);
    }

    private readonly struct Scope(Dictionary<string, string>? renames, string? text, string? previous) : IDisposable
    {
        public void Dispose()
        {
            if (renames is null || text is null)
            {
                return;
            }

            if (previous is null)
            {
                renames.Remove(text);
            }
            else
            {
                renames[text] = previous;
            }
        }
    }
}
