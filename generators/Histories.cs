using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Generators;

/// <summary>Generators for whole cluster histories: a topology, then an interleaving of client, node, runtime and clock steps.</summary>
public static class Histories
{
    private static readonly ObjectKey[] Targets = new[] { "web", "api", "db" }
        .Select(n => new ObjectKey(Kinds.Deployment.Kind, "default", n))
        .ToArray();

    public static Gen<HistoryStep> Step(bool malformed) => Gen.Frequency(
        (6, Workloads.Deployment.Select(d => (HistoryStep)new ApplyStep(d))),
        (malformed ? 2 : 0, Workloads.Malformed.Select(o => (HistoryStep)new ApplyStep(o))),
        (2, from t in Gen.Elements(Targets) from r in Gen.Choose(0, 6) select (HistoryStep)new ScaleStep(t, r)),
        (1, Gen.Elements(Targets).Select(t => (HistoryStep)new DeleteStep(t))),
        (2, Gen.Elements(1_000L, 10_000L, 60_000L).Select(ms => (HistoryStep)new AdvanceStep(ms))),
        (1, Gen.Constant((HistoryStep)new HeartbeatStep())),
        (2, from i in Gen.Choose(0, 20) from code in Gen.Elements(0, 1, 137) select (HistoryStep)new CrashStep(new PodSelector(Index: i), null, code)),
        (1, Gen.Constant((HistoryStep)new SettleStep())));

    /// <summary>A topology and up to <paramref name="maxSteps"/> steps.</summary>
    public static Gen<History> History(int maxSteps = 30, bool malformed = true) =>
        from nodes in Topologies.Nodes()
        from length in Gen.Choose(0, maxSteps)
        from steps in Gen.ListOf(Step(malformed), length)
        select new History(nodes, steps.ToValueList());
}
