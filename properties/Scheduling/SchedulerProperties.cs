using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Generators;
using KubeKernel.Invariants;
using KubeKernel.Model;
using KubeKernel.Properties.Support;
using KubeKernel.Scheduling;
using static KubeKernel.Properties.Scheduling.Cluster;

namespace KubeKernel.Properties.Scheduling;

/// <summary>The scheduler's laws over random clusters and pods.</summary>
public class SchedulerProperties
{
    private static readonly Arbitrary<SchedulingScenario> Scenarios = Arb.From(SchedulingScenario.Any);

    /// <summary>Runs the queued work one step at a time, handing each step's before and after states to <paramref name="check"/>.</summary>
    private static ClusterState Run(ClusterState state, Action<ClusterState, ClusterState> check)
    {
        for (var steps = 0; state.Queue.Peek() is { } next && steps < 10_000; steps++)
        {
            var after = Kernel.Step(state, next).State;
            check(state, after);
            state = after;
        }

        return state;
    }

    /// <summary>Settles, then lets the unschedulable pool be flushed a few times so every pod got its retries.</summary>
    private static ClusterState RunToTheEnd(ClusterState state, Action<ClusterState, ClusterState> check)
    {
        state = Run(state, check);
        for (var i = 0; i < 3; i++)
        {
            state = Run(Kernel.Step(state, new ClockAdvanced(Scheduler.UnschedulableFlushMillis + 10_000)).State, check);
        }

        return state;
    }

    private static Status Filter(ClusterState view, Pod pod, string node)
    {
        var profile = SchedulerProfile.Default;
        return SchedulingFramework.FilterNode(CycleContext.For(view, pod, profile), profile, view.SchedulerCache.Nodes.Find(node)!);
    }

    [Fact]
    public void Every_binding_is_to_a_node_that_passes_every_filter_in_the_state_it_was_decided_on() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Scenarios, scenario =>
        {
            RunToTheEnd(scenario.Submitted(), (before, after) =>
            {
                foreach (var pod in after.Store.List<Pod>().Where(p => p.IsBound && before.Store.Get(p.Key) is Pod { IsBound: false }))
                {
                    var status = Filter(before, before.Stored(pod.Metadata.Name), pod.Spec.NodeName!);
                    Assert.True(status.IsSuccess, $"{pod.Metadata.Name} bound to {pod.Spec.NodeName}, which {status.Plugin} rejects: {status.Message}\n{scenario}");
                }
            });
            return true;
        }));

    [Fact]
    public void Placements_satisfy_taints_selectors_host_ports_and_anti_affinity_checked_independently() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Scenarios, scenario =>
        {
            var final = RunToTheEnd(scenario.Submitted(), (_, _) => { });
            var bound = final.Store.List<Pod>().Where(p => p.IsBound).ToList();
            foreach (var pod in bound)
            {
                var node = final.Store.Get<Node>(string.Empty, pod.Spec.NodeName!)!;
                var others = bound.Where(o => o.Spec.NodeName == pod.Spec.NodeName && o.Key != pod.Key).ToList();
                Assert.False(node.Spec.Unschedulable, $"{pod.Metadata.Name} on cordoned {node.Metadata.Name}");
                Assert.All(node.Spec.Taints.Where(t => t.Effect == TaintEffect.NoSchedule), t => Assert.Contains(pod.Spec.Tolerations, x => x.Tolerates(t)));
                Assert.All(pod.Spec.NodeSelector, s => Assert.Equal(s.Value, node.Metadata.Labels.GetValueOrDefault(s.Key)));
                var ports = pod.Spec.Containers.SelectMany(c => c.Ports).Where(p => p.HostPort is not null).Select(p => p.HostPort).ToList();
                Assert.DoesNotContain(others, o => o.Spec.Containers.SelectMany(c => c.Ports).Any(p => p.HostPort is { } h && ports.Contains(h)));
                if (pod.Spec.Affinity?.PodAntiAffinity is { } anti)
                {
                    Assert.DoesNotContain(others, o => anti.Required.Any(t => t.LabelSelector!.Matches(o.Metadata.Labels)));
                }
            }

            return true;
        }));

    [Fact]
    public void Node_capacity_for_cpu_memory_and_pods_is_never_exceeded() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Scenarios, scenario =>
        {
            RunToTheEnd(scenario.Submitted(), (before, after) =>
                Assert.Empty(PodInvariants.NodeCapacityRespected.Check(before, after)));
            return true;
        }));

    [Fact]
    public void The_chosen_node_does_not_depend_on_the_order_nodes_and_pods_were_added() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Scenarios, Arb.From(Gen.Choose(0, 1000)), (scenario, seed) =>
        {
            // The first pods run where the scheduler puts them; the last one is then scheduled against two clusters
            // holding the same nodes and pods, created in different orders.
            var settled = scenario with { Pods = scenario.Pods.Take(scenario.Pods.Count - 1).ToList() };
            var placed = Run(settled.Submitted(), (_, _) => { }).Store.List<Pod>().Select(p => p.Spec.NodeName is { } n ? p.With(s => s with { NodeName = n }) : p).ToList();
            var incoming = scenario.Pods[^1];
            IEnumerable<T> Rotate<T>(IReadOnlyList<T> items) => items.Skip(seed % items.Count).Concat(items.Take(seed % items.Count)).Reverse();
            var first = new SchedulingScenario(settled.Nodes, [.. placed, incoming]).Submitted();
            var second = new SchedulingScenario(settled.Nodes, [.. placed, incoming]).Submitted(Rotate(settled.Nodes), placed.Count == 0 ? [incoming] : [.. Rotate(placed), incoming]);
            var a = first.Schedule(incoming.Metadata.Name);
            var b = second.Schedule(incoming.Metadata.Name);
            return (a.SelectedNode, a.Score, a.Message) == (b.SelectedNode, b.Score, b.Message);
        }));

    [Fact]
    public void Scheduling_a_pod_again_on_a_stale_view_never_binds_it_twice() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Scenarios, scenario =>
        {
            var state = scenario.Submitted();
            var work = new ReconcileRequested(Scheduler.Name, Scheduler.QueueKey);
            var bound = Kernel.Step(state, work).State;
            var again = FaultedStep.WithView(bound, work, view: state).State;
            foreach (var pod in bound.Store.List<Pod>())
            {
                Assert.Equal(pod.Spec.NodeName, again.Store.Get<Pod>(pod.Metadata.Namespace, pod.Metadata.Name)!.Spec.NodeName);
            }

            Assert.Equal(
                bound.Store.List<Pod>().Count(p => p.IsBound),
                again.Store.List<Pod>().Count(p => p.IsBound));
            return true;
        }));

    [Fact]
    public void Once_back_off_and_the_flush_have_passed_no_pending_pod_fits_any_node() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Scenarios, scenario =>
        {
            var final = RunToTheEnd(scenario.Submitted(), (_, _) => { });
            foreach (var pod in final.Store.List<Pod>().Where(p => !p.IsBound))
            {
                foreach (var node in final.Store.List<Node>())
                {
                    var status = Filter(final, pod, node.Metadata.Name);
                    Assert.False(status.IsSuccess, $"{pod.Metadata.Name} still pending but fits {node.Metadata.Name}\n{scenario}");
                }
            }

            return true;
        }));

    [Fact]
    public void The_incremental_cache_always_equals_one_rebuilt_from_the_store() =>
        // Whole simulated histories are costly: a quarter of the budget here; KERNEL_PROPERTY_RUNS raises it too.
        Check.One(PropertyBudget.Config.WithMaxTest(Math.Max(10, PropertyBudget.Runs / 4)), Prop.ForAll(Arb.From(Generators.Histories.History()), history =>
        {
            // Every fifth step and the last keep the default suite fast; a drift, once in, stays until rebuilt.
            var steps = HistoryRunner.Execute(history).Steps;
            foreach (var step in steps.Where((_, i) => i % 5 == 0 || i == steps.Count - 1))
            {
                var rebuilt = SchedulerCache.Build(step.After.Store);
                Assert.True(step.After.SchedulerCache.SameContent(rebuilt), $"after {step.Event}:\n{step.After.SchedulerCache.Describe()}\n--- rebuilt:\n{rebuilt.Describe()}");
            }

            return true;
        }));

    [Fact]
    public void Topology_spread_counts_read_from_the_label_groups_equal_a_walk_of_every_pod_on_every_node() =>
        Check.One(PropertyBudget.Config.WithMaxTest(Math.Max(10, PropertyBudget.Runs / 4)), Prop.ForAll(Arb.From(Generators.Histories.History()), history =>
        {
            var steps = HistoryRunner.Execute(history).Steps;
            foreach (var step in steps.Where((_, i) => i % 5 == 0 || i == steps.Count - 1))
            {
                var state = step.After;
                foreach (var pod in state.Store.List<Pod>().Take(10))
                {
                    var constraints = PodTopologySpreadConstraints(pod, state);
                    foreach (var c in constraints)
                    {
                        var walked = new SortedDictionary<string, long>(StringComparer.Ordinal);
                        long walkedUnkeyed = 0;
                        foreach (var node in state.SchedulerCache.Nodes)
                        {
                            var count = c.CountMatching(node.Pods, pod.Metadata.Namespace);
                            if (!node.Labels.TryGetValue(c.TopologyKey, out var value))
                            {
                                walkedUnkeyed += count;
                            }
                            else if (count != 0)
                            {
                                walked[value] = walked.GetValueOrDefault(value) + count;
                            }
                        }

                        var read = new SortedDictionary<string, long>(c.CountByDomain(state.SchedulerCache, pod.Metadata.Namespace, out var unkeyed).Where(p => p.Value != 0).ToDictionary(), StringComparer.Ordinal);
                        Assert.Equal(walked, read);
                        Assert.Equal(walkedUnkeyed, unkeyed);
                    }
                }
            }

            return true;
        }));

    private static IEnumerable<KubeKernel.Scheduling.Plugins.SpreadConstraint> PodTopologySpreadConstraints(Pod pod, ClusterState state) =>
        KubeKernel.Scheduling.Plugins.PodTopologySpread.Constraints(pod, UnsatisfiableConstraintAction.ScheduleAnyway, state.Store)
            .Concat(KubeKernel.Scheduling.Plugins.PodTopologySpread.Constraints(pod, UnsatisfiableConstraintAction.DoNotSchedule, state.Store));

    [Fact]
    public void The_incremental_cache_equals_a_rebuilt_one_in_scheduling_scenarios_too() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Scenarios, scenario =>
        {
            var final = RunToTheEnd(scenario.Submitted(), (_, after) =>
                Assert.True(after.SchedulerCache.SameContent(SchedulerCache.Build(after.Store)), after.SchedulerCache.Describe()));
            return true;
        }));
}
