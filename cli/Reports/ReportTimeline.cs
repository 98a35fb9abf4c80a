using KubeKernel.Cli.Check;
using KubeKernel.Driving;
using KubeKernel.Invariants;

namespace KubeKernel.Cli.Reports;

/// <summary>Takes a run's steps as they happen and gives the report's lanes and steps: every step of a short run, the first and the last <see cref="KeptAtEachEnd"/> of a long one.</summary>
/// <remarks>
/// A 12,000-step simulate would make a page of tens of megabytes and a timeline no one can scroll; the beginning (what
/// was applied, how it started) and the end (where it settled, or broke) are what a reader looks for, so the middle is
/// left out and the page says how many steps it left out. Only the kept steps' states are held. Every step still feeds
/// the rollout plot (<see cref="RolloutRecorder"/>).
/// </remarks>
internal sealed class ReportTimeline : ITraceSink
{
    /// <summary>How many steps the page keeps at each end of a run.</summary>
    public const int KeptAtEachEnd = 1_000;

    /// <summary>The longest list of diff lines or commands shown for one step.</summary>
    private const int MaxLines = 40;

    private readonly List<TraceEntry> head = [];
    private readonly Queue<TraceEntry> tail = new();

    /// <summary>Every step taken, kept or not.</summary>
    public long Steps { get; private set; }

    /// <summary>Steps left out between the first and the last ones kept.</summary>
    public long Omitted => Steps - head.Count - tail.Count;

    public RolloutRecorder Rollouts { get; } = new();

    /// <summary>A timeline of a whole trace already taken (check and replay keep theirs).</summary>
    public static ReportTimeline Of(IEnumerable<TraceEntry> trace)
    {
        var timeline = new ReportTimeline();
        foreach (var entry in trace)
        {
            timeline.Add(entry);
        }

        return timeline;
    }

    public void Add(TraceEntry entry)
    {
        Steps++;
        Rollouts.Observe(entry);
        if (head.Count < KeptAtEachEnd)
        {
            head.Add(entry);
            return;
        }

        tail.Enqueue(entry);
        if (tail.Count > KeptAtEachEnd)
        {
            tail.Dequeue();
        }
    }

    /// <summary>The lanes (API client, controllers, nodes, cloud, clock; by name within each) and the kept steps with their effects.</summary>
    public (IReadOnlyList<ReportData.Lane> Lanes, IReadOnlyList<ReportData.Step> Steps) Build()
    {
        var firstOfTail = Steps - tail.Count + 1;
        var kept = head.Select((e, i) => (Number: i + 1L, Entry: e)).Concat(tail.Select((e, i) => (Number: firstOfTail + i, Entry: e)))
            .Select(k => (k.Number, k.Entry, Described: TimelineEvent.Describe(k.Entry)))
            .ToList();
        var lanes = kept.Select(k => k.Described.Lane).Distinct().OrderBy(l => LaneOrder(l.Kind)).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        var index = lanes.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var steps = kept.Select(k => new ReportData.Step(k.Number, k.Entry.Time, index[k.Described.Lane], k.Described.Text, k.Entry.Fault?.Text, Diff(k.Entry), Capped(k.Entry.Commands.Select(CommandText.Describe)), Transitions(k.Entry))).ToList();
        return (lanes, steps);
    }

    private static int LaneOrder(string kind) => kind switch
    {
        "api" => 0,
        "controller" => 1,
        "node" => 2,
        "cloud" => 3,
        _ => 4,
    };

    private static IReadOnlyList<string> Diff(TraceEntry entry) =>
        entry.Before.Store.Revision == entry.After.Store.Revision ? [] : StateDiff.Lines(entry.Before, entry.After, MaxLines);

    private static IReadOnlyList<string> Transitions(TraceEntry entry) =>
        [.. LifecycleInvariants.Transitions(entry.Before, entry.After).Select(t => $"{t.Object}: {t.From}→{t.To}")];

    private static IReadOnlyList<string> Capped(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        return list.Count <= MaxLines ? list : [.. list.Take(MaxLines), $"… and {list.Count - MaxLines} more"];
    }
}
