using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Generators;
using KubeKernel.Invariants;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Laws;

/// <summary>Every safety invariant in the catalogue holds after every step of random histories (no faults yet).</summary>
public class InvariantLaws
{
    [Fact]
    public void Safety_invariants_hold_after_every_step() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Arb.From(Histories.History()), history =>
        {
            foreach (var step in HistoryRunner.Execute(history).Steps)
            {
                foreach (var invariant in InvariantCatalog.All.Where(i => i.Kind == InvariantKind.Safety))
                {
                    var violations = invariant.Violations(step.Before, step.After);
                    if (violations.Count > 0)
                    {
                        throw new InvalidOperationException($"{invariant.Id} violated after {step.Event.GetType().Name}: {violations[0]}");
                    }
                }
            }

            return true;
        }));

    [Fact]
    public void Invariant_ids_are_unique_and_every_one_has_a_statement()
    {
        Assert.Equal(InvariantCatalog.All.Count, InvariantCatalog.All.Select(i => i.Id).Distinct().Count());
        Assert.All(InvariantCatalog.All, i => Assert.EndsWith(".", i.Statement));
    }

    [Fact]
    public void A_violation_is_reported_with_the_objects_involved()
    {
        var state = ClusterState.Initial();
        var broken = state with { Store = state.Store with { Revision = state.Store.Revision - 1 } };
        Assert.Contains("store revision went back", StoreInvariants.ResourceVersionMonotonic.Violations(state, broken)[0]);
    }
}
