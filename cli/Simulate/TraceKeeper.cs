using KubeKernel.Driving;

namespace KubeKernel.Cli.Simulate;

/// <summary>
/// The steps <c>simulate</c> keeps for its trace: every step (<see cref="TraceMode.Full"/>), up to <see cref="AutoLimit"/>
/// steps (<see cref="TraceMode.Auto"/>: past it the kept ones are let go, so a big run holds none), or none; it counts
/// every step either way and hands each to the progress report and, with <c>--report</c>, to the report's timeline.
/// </summary>
internal sealed class TraceKeeper(TraceMode mode, Progress? progress, ITraceSink? report = null) : ITraceSink
{
    /// <summary>Above this many reducer steps <c>--trace auto</c> prints a summary instead of the trace.</summary>
    public const int AutoLimit = 5_000;

    private readonly List<TraceEntry> entries = [];

    /// <summary>The steps kept, oldest first; empty once an automatic trace outgrew its limit.</summary>
    public IReadOnlyList<TraceEntry> Entries => entries;

    /// <summary>Every step taken, kept or not.</summary>
    public long Steps { get; private set; }

    /// <summary>Whether the trace is whole: nothing was let go.</summary>
    public bool Complete => Steps == entries.Count;

    public void Add(TraceEntry entry)
    {
        Steps++;
        progress?.Step(entry);
        report?.Add(entry);
        if (mode == TraceMode.Full || (mode == TraceMode.Auto && Steps <= AutoLimit))
        {
            entries.Add(entry);
        }
        else if (entries.Count > 0)
        {
            entries.Clear();
            entries.TrimExcess();
        }
    }
}
