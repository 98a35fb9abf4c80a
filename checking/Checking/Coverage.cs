using System.Collections.Immutable;
using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Invariants;
using KubeKernel.Model;
using KubeKernel.Scheduling;
using KubeKernel.Simulation;

namespace KubeKernel.Checking;

/// <summary>What a checking run exercised: lifecycle transitions, scheduler plugin verdicts, invariants checked, faults fired, distinct states.</summary>
/// <remarks>An accumulator over many histories; every listing it gives is sorted, so reports are deterministic.</remarks>
public sealed class Coverage
{
    /// <summary>The default profile's filters' verdict names, by filter: <c>NodeResourcesFit: Success</c>, <c>NodeResourcesFit: Unschedulable</c>.</summary>
    private static readonly ImmutableArray<(string Success, string Unschedulable)> VerdictNames =
        [.. SchedulerProfile.Default.Filters.Select(f => ($"{f.Name}: Success", $"{f.Name}: Unschedulable"))];

    private readonly SortedDictionary<string, long> transitions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> verdicts = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> invariants = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> faults = new(StringComparer.Ordinal);
    private readonly HashSet<string> states = new(StringComparer.Ordinal);

    /// <summary>Lifecycle transitions observed (<c>Pod Pending→Running</c>) with how often.</summary>
    public IReadOnlyDictionary<string, long> Transitions => transitions;

    /// <summary>Scheduler filter verdicts observed (<c>NodeResourcesFit: Unschedulable</c>) with how often.</summary>
    public IReadOnlyDictionary<string, long> SchedulerVerdicts => verdicts;

    /// <summary>How often each invariant was checked.</summary>
    public IReadOnlyDictionary<string, long> InvariantChecks => invariants;

    /// <summary>How many faults of each kind fired (a fault that takes two steps counts once).</summary>
    public IReadOnlyDictionary<string, long> Faults => faults;

    /// <summary>Distinct cluster shapes seen at history-step boundaries (objects with their phases, counts and placements; names of generated objects ignored).</summary>
    public int DistinctStates => states.Count;

    /// <summary>The transitions the lifecycle machines permit that no run reached.</summary>
    public IEnumerable<string> UnreachedTransitions =>
        LifecycleInvariants.AllTransitions.Select(t => $"{t.Machine} {t.From}→{t.To}").Where(t => !transitions.ContainsKey(t));

    /// <summary>Filter verdicts (each plugin × Success/Unschedulable) no run produced.</summary>
    public IEnumerable<string> UnreachedVerdicts =>
        VerdictNames.SelectMany(v => new[] { v.Success, v.Unschedulable }).Where(v => !verdicts.ContainsKey(v));

    /// <summary>Adds how often each of <paramref name="checked"/> was checked, <paramref name="counts"/> by index.</summary>
    internal void Checked(Invariant[] @checked, long[] counts)
    {
        for (var i = 0; i < @checked.Length; i++)
        {
            Add(invariants, @checked[i].Id, counts[i]);
        }
    }

    /// <summary>The pod the scheduler's work item takes up in <paramref name="state"/>: the head of its queue, as the scheduler picks it.</summary>
    private static Pod? ScheduledBy(ClusterState state) =>
        SchedulingQueue.Head(state, Scheduler.Name).Pod is { } pod && Scheduler.WantsScheduling(pod) ? pod : null;

    internal void Observe(TraceEntry entry)
    {
        foreach (var t in LifecycleInvariants.Transitions(entry.Before, entry.After))
        {
            Bump(transitions, t.Name);
        }

        if (entry.Fault is { Continues: false } fault)
        {
            Bump(faults, fault.Kind.ToString());
        }

        if (entry.Event is ReconcileRequested { Controller: Scheduler.Name } && ScheduledBy(entry.Before) is { } pod)
        {
            // Filters run in profile order and stop at a node's first rejection: every filter before the rejecting one
            // passed that node, and a feasible node passed them all. Counted per filter first: one map update per verdict
            // seen rather than per node.
            var filters = SchedulerProfile.Default.Filters;
            Span<int> passed = stackalloc int[filters.Count];
            Span<int> rejected = stackalloc int[filters.Count];
            foreach (var (_, status) in SchedulingExplanation.Explain(entry.Before, pod).Recorder.Filtered)
            {
                for (var i = 0; i < filters.Count; i++)
                {
                    if (!status.IsSuccess && filters[i].Name == status.Plugin)
                    {
                        rejected[i]++;
                        break;
                    }

                    passed[i]++;
                }
            }

            for (var i = 0; i < filters.Count; i++)
            {
                Add(verdicts, VerdictNames[i].Success, passed[i]);
                Add(verdicts, VerdictNames[i].Unschedulable, rejected[i]);
            }
        }
    }

    internal void State(ClusterState state) => states.Add(Shape(state));

    /// <summary>A canonical description of the cluster's shape: generated names and UIDs left out, so equal shapes compare equal.</summary>
    private static string Shape(ClusterState state)
    {
        var parts = new List<string>();
        foreach (var obj in state.Store.All())
        {
            parts.Add(obj switch
            {
                Pod p => $"pod {p.Metadata.Namespace} {string.Join(",", p.Metadata.Labels.Where(l => l.Key != "pod-template-hash"))} {p.Spec.NodeName} {p.Status.Phase} {p.IsReady} {p.Metadata.IsBeingDeleted}",
                ReplicaSet rs => $"rs {rs.Metadata.Namespace} {rs.Spec.DesiredReplicas} {rs.Status.Replicas} {rs.Status.AvailableReplicas}",
                Deployment d => $"deploy {d.Key.NamespacedName} {d.Spec.DesiredReplicas} {d.Status.UpdatedReplicas} {d.Status.AvailableReplicas}",
                Node n => $"node {n.Metadata.Name} {n.ReadyCondition?.Status} {n.Spec.Unschedulable}",
                _ => obj.Key.ToString(),
            });
        }

        parts.Sort(StringComparer.Ordinal);
        return string.Join("\n", parts);
    }

    /// <summary>Adds another run's coverage into this one.</summary>
    public void Add(Coverage other)
    {
        foreach (var (source, target) in new[] { (other.transitions, transitions), (other.verdicts, verdicts), (other.invariants, invariants), (other.faults, faults) })
        {
            foreach (var (key, count) in source)
            {
                Add(target, key, count);
            }
        }

        states.UnionWith(other.states);
    }

    private static void Bump(SortedDictionary<string, long> counts, string key) => Add(counts, key, 1);

    private static void Add(SortedDictionary<string, long> counts, string key, long count)
    {
        if (count > 0)
        {
            counts[key] = counts.GetValueOrDefault(key) + count;
        }
    }
}
