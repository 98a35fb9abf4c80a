using System.Collections.Immutable;
using KubeKernel.Model;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>
/// PostFilter: when no node fits, find nodes where removing lower-priority pods lets the pod fit, choose one and the
/// fewest, least important victims, and nominate the node (<c>DefaultPreemption</c>).
/// </summary>
/// <remarks>
/// <para>
/// Only nodes whose filter status is Unschedulable are tried (UnschedulableAndUnresolvable: preemption is not
/// helpful). On each, every lower-priority pod is removed; if the pod then fits, victims are re-added most important
/// first and kept whenever the pod still fits. The dry run stops after <see cref="SchedulingMath.NumPreemptionCandidates"/>
/// candidates. Kubernetes starts the dry run at a random node; the kernel starts at the first node in name order.
/// </para>
/// <para>
/// A pod that already preempted and whose victims are still terminating does not preempt again
/// (<c>not eligible due to a terminating pod on the nominated node.</c>); <c>preemptionPolicy: Never</c> never preempts.
/// </para>
/// </remarks>
internal sealed class DefaultPreemption : IPostFilterPlugin
{
    public const string NotHelpful = "Preemption is not helpful for scheduling";
    public const string NoVictims = "No preemption victims found for incoming pod";
    public const string NeverPolicy = "not eligible due to preemptionPolicy=Never.";
    public const string TerminatingVictim = "not eligible due to a terminating pod on the nominated node.";

    /// <summary>The DisruptionTarget condition's reason on a victim (<c>PodReasonPreemptionByScheduler</c>).</summary>
    public const string PreemptionByScheduler = "PreemptionByScheduler";

    public string Name => nameof(DefaultPreemption);

    public ClusterEvents EventsToRegister => ClusterEvents.None;

    public PostFilterResult PostFilter(CycleContext cycle, Diagnosis diagnosis)
    {
        var pod = cycle.Pod;
        if (pod.Spec.PreemptionPolicy == PreemptionPolicy.Never)
        {
            return PostFilterResult.Unchanged(Message(NeverPolicy));
        }

        if (TerminatingVictimOnNominatedNode(cycle, diagnosis))
        {
            return PostFilterResult.Unchanged(Message(TerminatingVictim));
        }

        var potential = diagnosis.RejectedNodes.Where(r => r.Status.Code == StatusCode.Unschedulable).Select(r => r.Node).OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        var statuses = new List<RejectedNode>();
        var candidates = new List<PreemptionCandidate>();
        var wanted = SchedulingMath.NumPreemptionCandidates(potential.Count);
        foreach (var node in potential)
        {
            var (victims, status) = SelectVictims(cycle, node);
            if (status.IsSuccess)
            {
                candidates.Add(new PreemptionCandidate(node.Name, victims));
                if (candidates.Count >= wanted)
                {
                    break;
                }
            }
            else
            {
                statuses.Add(new RejectedNode(node, status));
            }
        }

        if (candidates.Count == 0)
        {
            // Nodes preemption did not try count as "not helpful" (SetAbsentNodesStatus).
            var tried = statuses.Select(s => s.Node.Name).ToHashSet(StringComparer.Ordinal);
            var absent = cycle.Cache.Nodes.Where(n => !tried.Contains(n.Name)).Select(n => new RejectedNode(n, Status.Unresolvable(Name, NotHelpful)));
            var inner = FitError.Message(new Diagnosis(diagnosis.TotalNodes, null, [.. statuses, .. absent]), null);
            return PostFilterResult.ClearNomination(Message(inner));
        }

        var best = PreemptionMath.PickOne(candidates, cycle.Now);
        var lowerNominated = cycle.Cache.NominatedPods(best.Node).Where(p => p.Key != cycle.PodInfo.Key && p.Priority < cycle.PodInfo.Priority).ToImmutableArray();
        return new PostFilterResult(Status.Success, best.Node, best.Victims, lowerNominated);
    }

    /// <summary>
    /// The fewest, least important lower-priority pods whose removal lets the pod fit on <paramref name="node"/>
    /// (<c>SelectVictimsOnNode</c>), or the status that says why none will do.
    /// </summary>
    public (ImmutableArray<PodInfo> Victims, Status Status) SelectVictims(CycleContext cycle, NodeInfo node)
    {
        var priority = cycle.PodInfo.Priority;
        var potential = node.Pods.Where(p => p.Priority < priority).ToList();
        if (potential.Count == 0)
        {
            return ([], Status.Unresolvable(Name, NoVictims));
        }

        var reduced = node;
        foreach (var victim in potential)
        {
            reduced = reduced.WithoutPod(victim.Key);
        }

        var status = Fits(cycle, reduced);
        if (!status.IsSuccess)
        {
            return ([], status);
        }

        potential.Sort((a, b) => PreemptionMath.CompareImportance(a, b, cycle.Now));
        var victims = ImmutableArray.CreateBuilder<PodInfo>();
        foreach (var candidate in potential)
        {
            var reprieved = reduced.WithPod(candidate);
            if (Fits(cycle, reprieved).IsSuccess)
            {
                reduced = reprieved;
            }
            else
            {
                victims.Add(candidate);
            }
        }

        return (victims.ToImmutable(), Status.Success);
    }

    private static Status Fits(CycleContext cycle, NodeInfo node)
    {
        var dryRun = cycle with { Cache = cycle.Cache.WithNode(node) };
        return SchedulingFramework.FilterNode(dryRun, cycle.Profile, node);
    }

    private static bool TerminatingVictimOnNominatedNode(CycleContext cycle, Diagnosis diagnosis)
    {
        if (cycle.Pod.Status.NominatedNodeName is not { Length: > 0 } nominated || cycle.Cache.Nodes.Find(nominated) is not { } node)
        {
            return false;
        }

        // A nominated node that became unresolvable (say, a new taint) lets the pod preempt elsewhere.
        if (diagnosis.RejectedNodes.FirstOrDefault(r => r.Node.Name == nominated) is { Status.Code: StatusCode.UnschedulableAndUnresolvable })
        {
            return false;
        }

        return node.Pods.Any(p => p.Priority < cycle.PodInfo.Priority && IsTerminatingByPreemption(p.Pod));
    }

    /// <summary>Being deleted, with DisruptionTarget=True for reason PreemptionByScheduler (<c>podTerminatingByPreemption</c>).</summary>
    public static bool IsTerminatingByPreemption(Pod pod) =>
        pod.Metadata.IsBeingDeleted &&
        pod.Status.FindCondition(PodConditionTypes.DisruptionTarget) is { Status: ConditionStatus.True, Reason: PreemptionByScheduler };

    private Status Message(string message) => Status.Unschedulable(Name, "preemption: " + message);
}
