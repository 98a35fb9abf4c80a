using KubeKernel.Driving;
using KubeKernel.Invariants.Oracles;
using KubeKernel.Model;

namespace KubeKernel.Cli.Reports;

/// <summary>Follows every Deployment's ReplicaSets through a run, step by step: desired, ready and available replicas, and the rollout's bounds.</summary>
/// <remarks>
/// It looks at every step of the run, also those a long run's timeline leaves out, but keeps a point only when a count
/// changed, so the plot is as long as the rollout, not as the run. Points are placed by step number as well as by
/// logical time: the simulated clock stands still while controllers react (a whole rollout can take no simulated time
/// at all), so the plot spreads the steps out and labels them with their time. The bounds are the ones the invariants
/// judge (<see cref="RolloutBounds"/>): maxSurge and maxUnavailable resolved against <c>spec.replicas</c>.
/// </remarks>
internal sealed class RolloutRecorder
{
    private readonly SortedDictionary<string, Track> tracks = new(StringComparer.Ordinal);
    private long step;

    /// <summary>Takes the run's next step (steps must come in order, each once).</summary>
    public void Observe(TraceEntry entry)
    {
        step++;
        if (entry.Before.Store.Revision == entry.After.Store.Revision)
        {
            return;
        }

        foreach (var (_, d) in entry.After.Store.ChangedSince<Deployment>(entry.Before.Store))
        {
            if (d is not null)
            {
                TrackOf(d.Key.NamespacedName, d.Spec.Strategy.Type.ToString()).Bound(new(step, entry.Time, d.Spec.DesiredReplicas, RolloutBounds.MaxSurge(d), RolloutBounds.MaxUnavailable(d)));
            }
        }

        foreach (var (old, rs) in entry.After.Store.ChangedSince<ReplicaSet>(entry.Before.Store))
        {
            var any = rs ?? old!;
            if (any.Metadata.ControllerRef is not { Kind: "Deployment" } owner)
            {
                continue;
            }

            var deployment = $"{any.Metadata.Namespace}/{owner.Name}";
            var strategy = entry.After.Store.Get<Deployment>(any.Metadata.Namespace, owner.Name)?.Spec.Strategy.Type.ToString() ?? "RollingUpdate";
            long[] point = rs is null ? [step, entry.Time, 0, 0, 0] : [step, entry.Time, rs.Spec.DesiredReplicas, rs.Status.ReadyReplicas, rs.Status.AvailableReplicas];
            TrackOf(deployment, strategy).Point(any.Metadata.Name, point);
        }
    }

    /// <summary>One plot per Deployment that owned a ReplicaSet, by namespace/name.</summary>
    public IReadOnlyList<ReportData.Rollout> Rollouts() =>
        [.. tracks.Where(t => t.Value.Series.Count > 0).Select(t => new ReportData.Rollout(t.Key, t.Value.Strategy, t.Value.Bounds, [.. t.Value.Series.Select(s => new ReportData.Series(s.Name, s.Points))]))];

    private Track TrackOf(string deployment, string strategy)
    {
        if (!tracks.TryGetValue(deployment, out var track))
        {
            track = new Track(strategy);
            tracks.Add(deployment, track);
        }

        return track;
    }

    private sealed class Track(string strategy)
    {
        private readonly Dictionary<string, (string Name, List<long[]> Points)> byName = new(StringComparer.Ordinal);

        public string Strategy => strategy;

        public List<ReportData.BoundSample> Bounds { get; } = [];

        /// <summary>The ReplicaSets in the order they first appeared.</summary>
        public List<(string Name, List<long[]> Points)> Series { get; } = [];

        public void Bound(ReportData.BoundSample sample)
        {
            if (Bounds.Count == 0 || Bounds[^1] with { Step = sample.Step, Time = sample.Time } != sample)
            {
                Bounds.Add(sample);
            }
        }

        public void Point(string name, long[] point)
        {
            if (!byName.TryGetValue(name, out var series))
            {
                series = (name, []);
                byName.Add(name, series);
                Series.Add(series);
            }

            if (series.Points.Count == 0 || !series.Points[^1].AsSpan(2).SequenceEqual(point.AsSpan(2)))
            {
                series.Points.Add(point);
            }
        }
    }
}
