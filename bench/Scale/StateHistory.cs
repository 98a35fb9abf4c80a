using KubeKernel.Driving;

namespace KubeKernel.Bench.Scale;

/// <summary>A trace sink that keeps the states after the most recent steps, in a ring, and nothing else; none until told how many.</summary>
/// <remarks>
/// A simulation keeps every step unless given a sink; with this one it keeps nothing while a cluster is built, and the
/// history measurement then keeps the last 10,000 states, as a replay or a stale-view checker would.
/// </remarks>
public sealed class StateHistory : ITraceSink
{
    private ClusterState[] ring = [];
    private int next;

    /// <summary>How many states the ring holds now.</summary>
    public int Count { get; private set; }

    /// <summary>From now on keeps the states after the last <paramref name="capacity"/> steps (0: none), forgetting those kept so far.</summary>
    public void Keep(int capacity)
    {
        ring = new ClusterState[capacity];
        (next, Count) = (0, 0);
    }

    /// <inheritdoc/>
    public void Add(TraceEntry entry)
    {
        if (ring.Length == 0)
        {
            return;
        }

        ring[next] = entry.After;
        next = (next + 1) % ring.Length;
        Count = Math.Min(Count + 1, ring.Length);
    }
}
