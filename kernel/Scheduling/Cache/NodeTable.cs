using System.Collections;

namespace KubeKernel.Scheduling;

/// <summary>The cluster's nodes in ordinal name order, as a persistent array: O(1) access by position, cheap single-node updates.</summary>
/// <remarks>
/// Positions are what the scheduler's round-robin start index (<c>nextStartNodeIndex</c>) walks over. Replacing one
/// node copies one 64-entry chunk and the chunk directory (about 80 entries for 5000 nodes), not the whole table;
/// adding or removing a node rebuilds it, which is rare. The name index is built once per node set and never mutated.
/// </remarks>
internal sealed class NodeTable : IReadOnlyList<NodeInfo>
{
    private const int Shift = 6;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;

    private readonly NodeInfo[][] chunks;
    private readonly Dictionary<string, int> positions;

    private NodeTable(NodeInfo[][] chunks, Dictionary<string, int> positions, int count)
    {
        this.chunks = chunks;
        this.positions = positions;
        Count = count;
    }

    public static NodeTable Empty { get; } = new([], new Dictionary<string, int>(StringComparer.Ordinal), 0);

    public int Count { get; }

    public NodeInfo this[int index] => chunks[index >> Shift][index & Mask];

    /// <summary>The position of the node named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => positions.TryGetValue(name, out var i) ? i : -1;

    public NodeInfo? Find(string name) => positions.TryGetValue(name, out var i) ? this[i] : null;

    /// <summary>This table with the node at <paramref name="index"/> replaced by <paramref name="node"/> (same name).</summary>
    public NodeTable SetItem(int index, NodeInfo node)
    {
        var directory = (NodeInfo[][])chunks.Clone();
        var chunk = (NodeInfo[])chunks[index >> Shift].Clone();
        chunk[index & Mask] = node;
        directory[index >> Shift] = chunk;
        return new NodeTable(directory, positions, Count);
    }

    /// <summary>This table with <paramref name="node"/> added in name order (rebuilds the table).</summary>
    public NodeTable Add(NodeInfo node)
    {
        var all = new List<NodeInfo>(Count + 1);
        var added = false;
        foreach (var existing in this)
        {
            if (!added && string.CompareOrdinal(node.Name, existing.Name) < 0)
            {
                all.Add(node);
                added = true;
            }

            all.Add(existing);
        }

        if (!added)
        {
            all.Add(node);
        }

        return From(all);
    }

    /// <summary>This table without the node at <paramref name="index"/> (rebuilds the table).</summary>
    public NodeTable RemoveAt(int index) => From(this.Where((_, i) => i != index).ToList());

    /// <summary>A table of <paramref name="sorted"/>, which must be in ordinal name order without duplicates.</summary>
    public static NodeTable From(IReadOnlyList<NodeInfo> sorted)
    {
        var directory = new NodeInfo[(sorted.Count + Mask) >> Shift][];
        var positions = new Dictionary<string, int>(sorted.Count, StringComparer.Ordinal);
        for (var c = 0; c < directory.Length; c++)
        {
            directory[c] = new NodeInfo[Math.Min(ChunkSize, sorted.Count - (c << Shift))];
        }

        for (var i = 0; i < sorted.Count; i++)
        {
            directory[i >> Shift][i & Mask] = sorted[i];
            positions.Add(sorted[i].Name, i);
        }

        return new NodeTable(directory, positions, sorted.Count);
    }

    public IEnumerator<NodeInfo> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
