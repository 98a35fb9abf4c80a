using System.Buffers;

namespace KubeKernel.Scheduling;

/// <summary>One scheduling cycle as a pure function (<c>schedulePod</c>): PreFilter, Filter over a sample of nodes, PostFilter on failure, PreScore/Score/NormalizeScore, select.</summary>
/// <remarks>
/// <para>
/// Filtering starts at the round-robin start index and stops once <see cref="SchedulingMath.NumFeasibleNodesToFind"/>
/// nodes passed (all nodes below 100); a pod with a nominated node that still passes goes there without scoring; with
/// one feasible node scoring is skipped, as in Kubernetes.
/// </para>
/// <para>
/// Kubernetes breaks ties among the highest totals at random (<c>selectHost</c>); the kernel picks the ordinal-smallest
/// node name, so the same cluster always gives the same placement.
/// </para>
/// </remarks>
internal static class SchedulingFramework
{
    public static ScheduleResult Schedule(CycleContext cycle, SchedulerProfile profile, int startIndex, CycleRecorder? recorder = null)
    {
        var nodes = cycle.Cache.Nodes;
        var n = nodes.Count;
        if (n == 0)
        {
            return new ScheduleResult(null, 0, 0, 0, 0, new Diagnosis(0, null, []), null, FitError.NoNodes);
        }

        var start = ((startIndex % n) + n) % n;
        if (recorder is not null)
        {
            recorder.StartIndex = start;
        }

        var filters = PreFilter(cycle, profile, recorder, out var rejection);
        if (rejection is not null)
        {
            return Fail(cycle, profile, new Diagnosis(n, rejection, [.. nodes.Select(node => new RejectedNode(node, rejection))]), 0, start);
        }

        if (cycle.Pod.Status.NominatedNodeName is { Length: > 0 } nominatedName && nodes.Find(nominatedName) is { } nominated)
        {
            // A preemptor goes back to the node it made room on, if it fits there now (evaluateNominatedNode).
            var status = RunFilters(cycle, filters, nominated);
            if (recorder is not null)
            {
                recorder.NominatedNode = (nominated.Name, status);
            }

            if (status.IsSuccess)
            {
                return new ScheduleResult(nominated.Name, 0, 1, 1, start, null, null, null);
            }
        }

        var toFind = SchedulingMath.NumFeasibleNodesToFind(n, profile.PercentageOfNodesToScore);
        if (recorder is not null)
        {
            recorder.NodesToFind = toFind;
        }

        using var feasible = new FeasibleNodes(Math.Min(toFind, n));
        // Rejections only matter when nothing fits; a pooled buffer keeps the common case allocation-free.
        var rejected = ArrayPool<RejectedNode>.Shared.Rent(n);
        var rejectedCount = 0;
        var processed = 0;
        var index = start;
        while (processed < n && feasible.Count < toFind)
        {
            var position = index;
            var node = nodes[position];
            index = index + 1 == n ? 0 : index + 1;
            processed++;
            var status = RunFilters(cycle, filters, node);
            recorder?.RecordFilter(node.Name, status);
            if (status.IsSuccess)
            {
                feasible.Add(node, position);
            }
            else
            {
                rejected[rejectedCount++] = new RejectedNode(node, status);
            }
        }

        var next = (start + processed) % n;
        var diagnosis = feasible.Count == 0 ? new Diagnosis(n, null, rejected.AsSpan(0, rejectedCount).ToArray()) : null;
        ArrayPool<RejectedNode>.Shared.Return(rejected, clearArray: true);
        if (diagnosis is not null)
        {
            return Fail(cycle, profile, diagnosis, processed, next);
        }

        if (feasible.Count == 1)
        {
            if (recorder is not null)
            {
                recorder.ScoringSkipped = true;
            }

            return new ScheduleResult(feasible[0].Name, 0, 1, processed, next, null, null, null);
        }

        var (best, score) = Score(cycle, profile, feasible, recorder);
        return new ScheduleResult(best, score, feasible.Count, processed, next, null, null, null);
    }

    /// <summary>
    /// Runs PreFilter and then every filter on one node, as preemption's dry run does (<c>RunFilterPluginsWithNominatedPods</c>
    /// after recomputing the cycle state for a node with victims removed).
    /// </summary>
    public static Status FilterNode(CycleContext cycle, SchedulerProfile profile, NodeInfo node)
    {
        var filters = PreFilter(cycle, profile, null, out var rejection);
        return rejection ?? RunFilters(cycle, filters, node);
    }

    private static Filters PreFilter(CycleContext cycle, SchedulerProfile profile, CycleRecorder? recorder, out Status? rejection)
    {
        rejection = null;
        var states = new PluginResult[profile.PreFilters.Count];
        for (var i = 0; i < states.Length; i++)
        {
            var plugin = profile.PreFilters[i];
            states[i] = plugin.PreFilter(cycle);
            recorder?.RecordPreFilter(plugin.Name, states[i].Status);
            if (states[i].Status.IsRejected)
            {
                rejection = states[i].Status;
                return new Filters([], false);
            }
        }

        var steps = new List<FilterStep>(profile.Filters.Count);
        foreach (var filter in profile.Filters)
        {
            var result = filter is IPreFilterPlugin pre ? states[IndexOf(profile.PreFilters, pre)] : PluginResult.Ok(null);
            if (!result.Status.IsSkip)
            {
                steps.Add(new FilterStep(filter, result.State));
            }
        }

        return new Filters([.. steps], cycle.Cache.HasNominatedPods);
    }

    private static int IndexOf(IReadOnlyList<IPreFilterPlugin> plugins, IPreFilterPlugin plugin)
    {
        for (var i = 0; i < plugins.Count; i++)
        {
            if (ReferenceEquals(plugins[i], plugin))
            {
                return i;
            }
        }

        return -1;
    }

    private static Status RunFilters(CycleContext cycle, Filters filters, NodeInfo node)
    {
        if (filters.NominatedPods && WithNominatedPods(cycle, node) is { } withNominated)
        {
            // Pods nominated here with at least this pod's priority are counted as if already bound, so that a
            // lower-priority pod does not take the room a preemptor made; the pod must fit both with and without them.
            var status = Run(cycle, filters, withNominated);
            if (!status.IsSuccess)
            {
                return status;
            }
        }

        return Run(cycle, filters, node);
    }

    private static Status Run(CycleContext cycle, Filters filters, NodeInfo node)
    {
        foreach (var step in filters.Steps)
        {
            var status = step.Plugin.Filter(cycle, step.State, node);
            if (!status.IsSuccess)
            {
                return status;
            }
        }

        return Status.Success;
    }

    private static NodeInfo? WithNominatedPods(CycleContext cycle, NodeInfo node)
    {
        NodeInfo? result = null;
        foreach (var pod in cycle.Cache.NominatedPods(node.Name))
        {
            if (pod.Key != cycle.PodInfo.Key && pod.Priority >= cycle.PodInfo.Priority)
            {
                result = (result ?? node).WithPod(pod);
            }
        }

        return result;
    }

    private static (string Node, long Score) Score(CycleContext cycle, SchedulerProfile profile, FeasibleNodes feasible, CycleRecorder? recorder)
    {
        var count = feasible.Count;
        var totals = ArrayPool<long>.Shared.Rent(count);
        var scores = ArrayPool<long>.Shared.Rent(count);
        Array.Clear(totals, 0, count);
        var raw = recorder is null ? null : new long[count];
        foreach (var (plugin, weight) in profile.Scores)
        {
            object? state = null;
            if (plugin is IPreScorePlugin pre)
            {
                var result = pre.PreScore(cycle, feasible);
                if (!result.Status.IsSuccess)
                {
                    recorder?.RecordScorePlugin(plugin.Name, weight, skipped: true);
                    continue;
                }

                state = result.State;
            }

            recorder?.RecordScorePlugin(plugin.Name, weight, skipped: false);
            for (var i = 0; i < count; i++)
            {
                scores[i] = plugin.Score(cycle, state, feasible[i]);
            }

            if (raw is not null)
            {
                scores.AsSpan(0, count).CopyTo(raw);
            }

            plugin.NormalizeScore(cycle, state, feasible, scores.AsSpan(0, count));
            for (var i = 0; i < count; i++)
            {
                totals[i] += scores[i] * weight;
                recorder?.RecordScore(feasible[i].Name, new PluginScore(plugin.Name, weight, raw![i], scores[i]));
            }
        }

        // The highest total wins; among equal totals the smallest position, i.e. the ordinal-smallest name.
        var best = 0;
        for (var i = 1; i < count; i++)
        {
            if (totals[i] > totals[best] || (totals[i] == totals[best] && feasible.PositionOf(i) < feasible.PositionOf(best)))
            {
                best = i;
            }
        }

        if (recorder is not null)
        {
            for (var i = 0; i < count; i++)
            {
                recorder.RecordTotal(feasible[i].Name, totals[i]);
            }
        }

        var chosen = (feasible[best].Name, totals[best]);
        ArrayPool<long>.Shared.Return(totals);
        ArrayPool<long>.Shared.Return(scores);
        return chosen;
    }

    private static ScheduleResult Fail(CycleContext cycle, SchedulerProfile profile, Diagnosis diagnosis, int evaluated, int next)
    {
        PostFilterResult? post = null;
        foreach (var plugin in profile.PostFilters)
        {
            post = plugin.PostFilter(cycle, diagnosis);
            if (post.Status.IsSuccess)
            {
                break;
            }
        }

        var message = FitError.Message(diagnosis, post is { Status.IsSuccess: false } ? post.Status.Message : null);
        return new ScheduleResult(null, 0, 0, evaluated, next, diagnosis, post, message);
    }

    private readonly record struct FilterStep(IFilterPlugin Plugin, object? State);

    /// <summary>The filters to run this cycle (those PreFilter did not skip) and whether any pod is nominated anywhere.</summary>
    private sealed record Filters(FilterStep[] Steps, bool NominatedPods);
}
