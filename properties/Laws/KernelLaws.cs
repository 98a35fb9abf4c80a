using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Events;
using KubeKernel.Generators;
using KubeKernel.Invariants;
using KubeKernel.Model;
using KubeKernel.Properties.Support;

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
    public void The_same_events_on_equal_controller_sets_give_equal_states() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Histories, history =>
        {
            // Two configurations whose controller sets are separate instances of the same controllers.
            ClusterState Initial() => ClusterState.Initial(ClusterConfig.Default with { Controllers = new ControllerSet(ControllerRegistry.Default.All) });
            return HistoryRunner.Execute(history, Initial()).Final == HistoryRunner.Execute(history, Initial()).Final;
        }));

    [Fact]
    public void Controller_sets_are_equal_only_with_the_same_controllers_in_the_same_order()
    {
        var all = ControllerRegistry.Default.All;
        Assert.Equal(ControllerRegistry.Default, new ControllerSet(all));
        Assert.NotEqual(ControllerRegistry.Default, new ControllerSet(all.Skip(1)));
        Assert.NotEqual(ControllerRegistry.Default, new ControllerSet([.. all.Skip(1), all[0]]));
    }

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
            foreach (var step in HistoryRunner.Execute(history).Steps)
            {
                if (LifecycleInvariants.Transitions(step.Before, step.After).FirstOrDefault(t => !t.Permitted) is { } illegal)
                {
                    throw new InvalidOperationException($"not permitted by its lifecycle: {illegal.Object} {illegal.From} -> {illegal.To}");
                }
            }

            return true;
        }));
}
