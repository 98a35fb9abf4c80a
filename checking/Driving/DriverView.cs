using KubeKernel.Events;

namespace KubeKernel.Driving;

/// <summary>What a policy sees when it chooses a move: the state, the pending external events and how far time may move.</summary>
/// <param name="State">The cluster as it is now.</param>
/// <param name="Pending">External events waiting to be delivered, oldest first.</param>
/// <param name="Horizon">
/// How far logical time may move: null while the driver settles the current instant (no time may pass), else the latest
/// instant a time jump may reach.
/// </param>
/// <param name="NextReport">When the interpreter next reports something by itself (a container exit, a heartbeat), if ever.</param>
public readonly record struct DriverView(ClusterState State, IReadOnlyList<ClusterEvent> Pending, long? Horizon, long? NextReport)
{
    /// <summary>
    /// The next instant anything happens, at most <see cref="Horizon"/>: a kernel timer falling due, the interpreter reporting,
    /// or the horizon itself. Null while settling the current instant.
    /// </summary>
    public long? NextInstant()
    {
        if (Horizon is not { } next)
        {
            return null;
        }

        if (Kernel.NextDeadline(State) is { } due && due < next)
        {
            next = due;
        }

        if (NextReport is { } report && report < next)
        {
            next = report;
        }

        return next;
    }
}
