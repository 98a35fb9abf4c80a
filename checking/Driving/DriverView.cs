using KubeKernel.Events;

namespace KubeKernel.Driving;

/// <summary>What a policy sees when it chooses a move: the state, the pending external events and how far time may move.</summary>
/// <remarks>
/// <see cref="NextReport"/> is asked of the interpreter only when read: a policy settling the current instant never
/// needs it, and a driver builds a view for every move.
/// </remarks>
public readonly struct DriverView
{
    private readonly IInterpreter interpreter;

    internal DriverView(ClusterState state, IReadOnlyList<ClusterEvent> pending, long? horizon, IInterpreter interpreter)
    {
        State = state;
        Pending = pending;
        Horizon = horizon;
        this.interpreter = interpreter;
    }

    /// <summary>The cluster as it is now.</summary>
    public ClusterState State { get; }

    /// <summary>External events waiting to be delivered, oldest first.</summary>
    public IReadOnlyList<ClusterEvent> Pending { get; }

    /// <summary>
    /// How far logical time may move: null while the driver settles the current instant (no time may pass), else the latest
    /// instant a time jump may reach.
    /// </summary>
    public long? Horizon { get; }

    /// <summary>When the interpreter next reports something by itself (a container exit, a heartbeat), if ever.</summary>
    public long? NextReport => interpreter.NextReport;

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
