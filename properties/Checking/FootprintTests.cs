using KubeKernel.Checking;
using KubeKernel.Generators;
using KubeKernel.Invariants;
using KubeKernel.Model;
using KubeKernel.Properties.BugZoo;
using KubeKernel.Store;

namespace KubeKernel.Properties.Checking;

/// <summary>
/// The checker settles a step that left an invariant's footprint unchanged by comparison (<see cref="Invariant.Reads"/>),
/// step invariants walk only the objects a step rewrote (<see cref="ObjectStore.ChangedSince(ObjectStore, string)"/>), and
/// state invariants may check only what changed since a state they held in (<see cref="Invariant.Incremental"/>): all are
/// shortcuts, so none may change what the checker finds.
/// </summary>
public class FootprintTests
{
    /// <summary>The catalogue as it would be without footprints and incremental checks: every invariant runs in full on every step.</summary>
    private static readonly IReadOnlyList<Invariant> WithoutFootprints = [.. InvariantCatalog.All.Select(i => i with { Reads = null, Incremental = null })];

    /// <summary>The kernel, the kernel with histories that also create and delete a namespace, and every zoo variant.</summary>
    public static TheoryData<string> Clusters => new(["kernel", NamespaceDeletion, .. Zoo.All.Select(v => v.Name)]);

    private const string NamespaceDeletion = "kernel, deleting namespaces";

    [Theory]
    [MemberData(nameof(Clusters))]
    public void Skipping_unchanged_footprints_finds_the_same_violations_at_the_same_steps(string cluster)
    {
        var options = cluster is "kernel" or NamespaceDeletion ? CheckOptions.Default : Zoo.All.Single(v => v.Name == cluster).Options;
        var settings = new CheckSettings { Seed = 1, Options = options, ExtraSteps = cluster == NamespaceDeletion ? Histories.NamespaceLife : null };
        for (var i = 0; i < 6; i++)
        {
            var history = ClusterChecker.Generate(settings, i);
            var fast = HistoryChecker.Check(history, options);
            var full = HistoryChecker.Check(history, options with { Invariants = WithoutFootprints });
            Assert.Equal(full.Verdict, fast.Verdict);
            Assert.Equal(full.Violation?.Invariant.Id, fast.Violation?.Invariant.Id);
            Assert.Equal(full.Violation?.Step, fast.Violation?.Step);
            Assert.Equal(full.Violation?.Messages, fast.Violation?.Messages);
            Assert.Equal(full.Events, fast.Events);
            Assert.Equal(full.InvariantChecks, fast.InvariantChecks);
        }
    }

    [Fact]
    public void Every_safety_and_after_settle_invariant_of_the_catalogue_names_its_footprint()
    {
        // These two read every kind, so they run on every step that wrote anything (they return at once otherwise).
        var unbounded = InvariantCatalog.All.Where(i => i.Kind != InvariantKind.Eventual && i.Reads is null).Select(i => i.Id);
        Assert.Equal(["ResourceVersionMonotonic", "NamespacedObjectsHaveNamespace"], unbounded);
    }

    [Fact]
    public void Changes_since_a_state_are_exactly_the_objects_not_held_by_the_same_instance()
    {
        var history = ClusterChecker.Generate(new CheckSettings { Seed = 3 }, 0);
        var trace = HistoryChecker.Check(history).Trace;

        // A step's own changes (read off the write log), a long stretch (past the log's look-back: the tables are
        // walked), and a pair that is not ancestor and descendant (the later store against the earlier one).
        var pairs = trace.Where((_, i) => i % 7 == 0).Select(e => (e.Before, e.After))
            .Append((trace[0].After, trace[^1].After))
            .Append((trace[^1].After, trace[trace.Count / 2].After));
        var compared = 0;
        foreach (var (before, after) in pairs)
        {
            var all = after.Store.All().Concat(before.Store.All()).Select(o => o.Key).Distinct().Order()
                .Select(k => (Before: before.Store.Get(k), After: after.Store.Get(k)))
                .Where(p => !ReferenceEquals(p.Before, p.After));
            Assert.Equal(all, after.Store.ChangedSince(before.Store));

            // Stores built from tables, not by writes, have no write log to go by: their tables are compared.
            var rebuilt = new ObjectStore(after.Store.Revision, after.Store.Tables);
            Assert.Equal(all, rebuilt.ChangedSince(new ObjectStore(before.Store.Revision, before.Store.Tables)));
            foreach (var kind in after.Store.Tables.Keys.Union(before.Store.Tables.Keys))
            {
                var keys = after.Store.ListKind(kind).Concat(before.Store.ListKind(kind)).Select(o => o.Key).Distinct().Order().ToList();
                var expected = keys
                    .Select(k => (Before: before.Store.Get(k), After: after.Store.Get(k)))
                    .Where(p => !ReferenceEquals(p.Before, p.After))
                    .ToList();
                Assert.Equal(expected, after.Store.ChangedSince(before.Store, kind).ToList());
                compared += expected.Count;
            }
        }

        Assert.True(compared > 0, "the sampled steps changed nothing, so nothing was compared");
        Assert.Empty(trace[^1].After.Store.ChangedSince<Pod>(trace[^1].After.Store));
    }

    [Fact]
    public void A_kind_counts_as_unwritten_only_when_none_of_its_objects_changed()
    {
        var history = ClusterChecker.Generate(new CheckSettings { Seed = 3 }, 0);
        var trace = HistoryChecker.Check(history).Trace;

        // Every step (read off the write log), a long stretch (tables compared) and a later store against an earlier one.
        var pairs = trace.Select(e => (e.Before, e.After))
            .Append((trace[0].After, trace[^1].After))
            .Append((trace[^1].After, trace[trace.Count / 2].After));
        var (unwritten, written) = (0, 0);
        foreach (var (before, after) in pairs)
        {
            var rebuiltBefore = new ObjectStore(before.Store.Revision, before.Store.Tables);
            var rebuiltAfter = new ObjectStore(after.Store.Revision, after.Store.Tables);
            foreach (var kind in after.Store.Tables.Keys.Union(before.Store.Tables.Keys))
            {
                var changed = after.Store.ChangedSince(before.Store, kind).Any();
                var answer = after.Store.Unwritten(before.Store, [kind]);
                Assert.False(changed && answer, $"{kind} changed, yet counts as unwritten");
                (unwritten, written) = answer ? (unwritten + 1, written) : (unwritten, written + 1);

                // Without a write log the tables decide, exactly.
                var sameTable = before.Store.Tables.GetValueOrDefault(kind).SameAs(after.Store.Tables.GetValueOrDefault(kind));
                Assert.Equal(sameTable, rebuiltAfter.Unwritten(rebuiltBefore, [kind]));
            }
        }

        Assert.True(unwritten > 0 && written > 0, $"the sampled steps left {unwritten} kinds unwritten and wrote {written}: one answer was never given");
    }
}
