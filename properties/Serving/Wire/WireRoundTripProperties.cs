using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Commands;
using KubeKernel.Generators;
using KubeKernel.Model;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Serving.Wire;

/// <summary>Every object a generated history makes survives the API server's wire models and JSON text exactly.</summary>
public class WireRoundTripProperties
{
    private static readonly Arbitrary<KubeKernel.Simulation.History> Histories = Arb.From(Generators.Histories.History());

    [Fact]
    public void Every_object_in_the_final_store_and_every_persisted_write_round_trips_through_wire_models_and_JSON() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Histories, history =>
        {
            var run = HistoryRunner.Execute(history);
            foreach (var obj in Produced(run))
            {
                if (WireRoundTrip.Failure(obj) is { } failure)
                {
                    throw new InvalidOperationException(failure);
                }
            }

            return true;
        }));

    [Fact]
    public void Every_kind_the_kernel_stores_has_a_wire_model() =>
        Assert.All(Kinds.All, kind => Assert.Contains(kind.Kind, WireExamples.All.Select(o => o.Kind)));

    /// <summary>The final store's objects and every object version a step persisted (intermediate states included).</summary>
    private static IEnumerable<KubeObject> Produced(HistoryRunner.Run run) =>
        run.Final.Store.All().Concat(HistoryRunner.Commands(run).OfType<Persist>().SelectMany(p => p.Changes).SelectMany(c => c.Previous is null ? [c.Object] : new[] { c.Object, c.Previous }));
}
