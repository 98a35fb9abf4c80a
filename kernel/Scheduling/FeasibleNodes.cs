using System.Buffers;
using System.Collections;

namespace KubeKernel.Scheduling;

/// <summary>The nodes that passed the filters in one cycle, with their positions in the name-ordered node table.</summary>
/// <remarks>
/// Backed by pooled arrays because every cycle fills up to 500 of them; <see cref="Dispose"/> returns the arrays, so
/// plugins must not keep the list past the cycle. A smaller position means an ordinally smaller name, which is how the
/// kernel breaks score ties without comparing strings.
/// </remarks>
internal sealed class FeasibleNodes : IReadOnlyList<NodeInfo>, IDisposable
{
    private NodeInfo[] nodes;
    private int[] positions;

    public FeasibleNodes(int capacity)
    {
        nodes = ArrayPool<NodeInfo>.Shared.Rent(Math.Max(capacity, 1));
        positions = ArrayPool<int>.Shared.Rent(Math.Max(capacity, 1));
    }

    public int Count { get; private set; }

    public NodeInfo this[int index] => nodes[index];

    /// <summary>The node's position in the cluster's name-ordered node table.</summary>
    public int PositionOf(int index) => positions[index];

    public void Add(NodeInfo node, int position)
    {
        nodes[Count] = node;
        positions[Count] = position;
        Count++;
    }

    public IEnumerator<NodeInfo> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return nodes[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose()
    {
        ArrayPool<NodeInfo>.Shared.Return(nodes, clearArray: true);
        ArrayPool<int>.Shared.Return(positions);
        nodes = [];
        positions = [];
        Count = 0;
    }
}
