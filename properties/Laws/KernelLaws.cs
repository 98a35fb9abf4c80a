using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Generators;
using KubeKernel.Kubelet;
using KubeKernel.Model;
using KubeKernel.Properties.Support;
using KubeKernel.StateMachines;
using KubeKernel.Store;

namespace KubeKernel.Properties.Laws;

/// <summary>The reducer's first laws over random histories: determinism, totality, settle fixpoint, lifecycle agreement.</summary>
public class KernelLaws
{
    private static readonly Arbitrary<KubeKernel.Simulation.History> Histories = Arb.From(Generators.Histories.History());

    [Fact]
    public void The_same_events_give_structurally_equal_states_and_commands() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Histories, history =>
        {
            var first = HistoryRunner.Execute(history);
            var second = HistoryRunner.Execute(history);
            return first.Final == second.Final && first.Steps.SequenceEqual(second.Steps);
        }));

    [Fact]
    public void Every_generated_event_is_handled_and_a_rejected_request_changes_nothing() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Histories, history =>
        {
            // Execute throws if any step throws, failing the property with the history that caused it.
            var run = HistoryRunner.Execute(history);
            foreach (var step in run.Steps)
            {
                var reply = step.Commands.OfType<Reply>().FirstOrDefault();
                if (reply is { Result.IsSuccess: false } && step.Event is ObjectSubmitted or ObjectDeleted or ScaleRequested && step.After != step.Before)
                {
                    return false;
                }
            }

            return true;
        }));

    [Fact]
    public void Settling_a_settled_state_does_nothing() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Histories, history =>
        {
            var settled = Kernel.Settle(HistoryRunner.Execute(history).Final);
            var again = Kernel.Settle(settled.State);
            return settled.Quiescent && again.Steps == 0 && again.Commands.IsEmpty && again.State == settled.State;
        }));

    [Fact]
    public void Every_phase_change_the_reducer_makes_is_a_transition_its_lifecycle_permits() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Histories, history =>
        {
            foreach (var change in HistoryRunner.Commands(HistoryRunner.Execute(history)).OfType<Persist>().SelectMany(p => p.Changes))
            {
                if (!Permitted(change))
                {
                    throw new InvalidOperationException($"not permitted by its lifecycle: {change.Previous} -> {change.Object}");
                }
            }

            return true;
        }));

    /// <summary>Whether some trigger of the object's lifecycle takes its previous state to its new one.</summary>
    public static bool Permitted(StoreChange change)
    {
        switch (change.Previous, change.Object)
        {
            case (Pod before, Pod after) when before.Status.Phase != after.Status.Phase:
                var facts = PodStatusMath.Facts(after, after.Status);
                return Enum.GetValues<PodTrigger>().Any(t => PodLifecycle.Transition(before.Status.Phase, t, facts) is { Accepted: true } r && r.To == after.Status.Phase);
            case (Node before, Node after) when NodeAgent.HealthOf(before) != NodeAgent.HealthOf(after):
                var grace = new NodeFacts(long.MaxValue, 0);
                return Enum.GetValues<NodeTrigger>().Any(t => NodeLifecycle.Transition(NodeAgent.HealthOf(before), t, grace) is { Accepted: true } r && r.To == NodeAgent.HealthOf(after));
            case (Deployment before, Deployment after):
                var from = KubeKernel.Controllers.DeploymentSync.RolloutStateOf(before.Status.Conditions);
                var to = KubeKernel.Controllers.DeploymentSync.RolloutStateOf(after.Status.Conditions);
                return from == to || Enum.GetValues<RolloutTrigger>().Any(t => DeploymentLifecycle.Transition(from, t, RolloutFactsOf(after)) is { Accepted: true } r && r.To == to);
            default:
                return true;
        }
    }

    private static RolloutFacts RolloutFactsOf(Deployment d) => new(
        d.Spec.DesiredReplicas, d.Status.UpdatedReplicas, d.Status.Replicas, d.Status.AvailableReplicas,
        d.Metadata.Generation, d.Status.ObservedGeneration, KubeKernel.Controllers.DeploymentMath.HasProgressDeadline(d), true);
}
