using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Checking;
using KubeKernel.Collections;
using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Generators;

/// <summary>Generators for whole cluster histories: a topology, then an interleaving of client, node, runtime, clock and fault steps.</summary>
/// <remarks>
/// A grammar of small static pieces: every piece is valid input by construction, except the malformed requests
/// drawn on purpose. Steps name pods by selector and position and nodes by name, so a history stays
/// meaningful however the kernel names things, and stays valid when the shrinker deletes parts of it.
/// </remarks>
public static class Histories
{
    private static readonly ObjectKey[] Targets = new[] { "web", "api", "db" }
        .Select(n => new ObjectKey(Kinds.Deployment.Kind, "default", n))
        .ToArray();

    /// <summary>Applies a generated Deployment (web, api or db in <c>default</c>): the first apply creates it, later ones update it, a changed template starts a rollout.</summary>
    public static readonly Gen<HistoryStep> Apply = Workloads.Deployment.Select(d => (HistoryStep)new ApplyStep(d));

    /// <summary>Applies a Deployment the API server must reject (<see cref="Workloads.Malformed"/>), leaving the state unchanged.</summary>
    public static readonly Gen<HistoryStep> Malformed = Workloads.Malformed.Select(o => (HistoryStep)new ApplyStep(o));

    /// <summary>Scales the Deployment web, api or db to 0–6 replicas (a 404 when it does not exist yet).</summary>
    public static readonly Gen<HistoryStep> Scale = from t in Gen.Elements(Targets) from r in Gen.Choose(0, 6) select (HistoryStep)new ScaleStep(t, r);

    /// <summary>Deletes the Deployment web, api or db with Background propagation.</summary>
    public static readonly Gen<HistoryStep> Delete = Gen.Elements(Targets).Select(t => (HistoryStep)new DeleteStep(t));

    /// <summary>Applies a generated Job (<see cref="Workloads.Job"/>).</summary>
    public static readonly Gen<HistoryStep> ApplyJob = Workloads.Job.Select(j => (HistoryStep)new ApplyStep(j));

    /// <summary>From now on a Job's pods succeed or fail (exit 0 or 1) a few seconds after they start.</summary>
    public static readonly Gen<HistoryStep> JobExit =
        from name in Workloads.JobName
        from code in Gen.Elements(0, 1, 1)
        from after in Gen.Elements(5_000L, 30_000L)
        select (HistoryStep)new ExitAfterStep(new PodSelector(LabelSelector.ForLabels(ValueMap.Of(("job", name)))), null, code, after);

    /// <summary>Applies the ConfigMap <c>settings</c> or the Secret <c>credentials</c> (<see cref="Workloads.Config"/>), which waiting pods then start with.</summary>
    public static readonly Gen<HistoryStep> ApplyConfig = Workloads.Config.Select(o => (HistoryStep)new ApplyStep(o));

    /// <summary>Deletes the ConfigMap <c>settings</c> or the Secret <c>credentials</c>: running pods keep running, new ones wait.</summary>
    public static readonly Gen<HistoryStep> DeleteConfig = Gen.Elements(
        new ObjectKey(Kinds.ConfigMap.Kind, "default", Workloads.SettingsName),
        new ObjectKey(Kinds.Secret.Kind, "default", Workloads.CredentialsName)).Select(k => (HistoryStep)new DeleteStep(k));

    /// <summary>Applies a Deployment whose pods read the ConfigMap or the Secret (<see cref="Workloads.ConfiguredDeployment"/>).</summary>
    public static readonly Gen<HistoryStep> ApplyConfigured = Workloads.ConfiguredDeployment.Select(d => (HistoryStep)new ApplyStep(d));

    /// <summary>Applies a Service in front of web, api or db (<see cref="Workloads.Service"/>).</summary>
    public static readonly Gen<HistoryStep> ApplyService = Workloads.Service.Select(s => (HistoryStep)new ApplyStep(s));

    /// <summary>
    /// A delete of a Deployment, Job or Service with a propagation policy (the garbage collector's three paths). Jobs are
    /// not orphaned: an orphaned Job pod (restartPolicy OnFailure) whose workload keeps failing restarts forever, upstream
    /// as here, with no controller left to stop it, so such a history could never converge.
    /// </summary>
    public static readonly Gen<HistoryStep> DeleteAny =
        from target in Gen.OneOf(
            Gen.Elements(Targets),
            Workloads.JobName.Select(n => new ObjectKey(Kinds.Job.Kind, "default", n)),
            Workloads.AppName.Select(n => new ObjectKey(Kinds.Service.Kind, "default", n)))
        from propagation in target.Kind == Kinds.Job.Kind
            ? Gen.Elements(DeletionPropagation.Background, DeletionPropagation.Foreground)
            : Gen.Elements(DeletionPropagation.Background, DeletionPropagation.Foreground, DeletionPropagation.Orphan)
        select (HistoryStep)new DeleteStep(target, propagation);

    /// <summary>The namespace histories create, fill and delete (the built-in ones may not be deleted).</summary>
    public const string TeamNamespace = "team-a";

    /// <summary>
    /// A namespace's life: it is created (its default ServiceAccount follows), a Deployment is applied in it, or it is
    /// deleted, which the namespace controller carries out by deleting its content before it finalizes the namespace.
    /// A request into a namespace that does not exist or is terminating is rejected, as it should be.
    /// </summary>
    public static readonly Gen<HistoryStep> NamespaceLife = Gen.Frequency(
        (2, Gen.Constant((HistoryStep)new ApplyStep(new Namespace(ObjectMeta.Named(TeamNamespace), default, NamespacePhase.Active)))),
        (2, Workloads.Deployment.Select(d => (HistoryStep)new ApplyStep(d with { Metadata = d.Metadata with { Namespace = TeamNamespace } }))),
        (1, Gen.Constant((HistoryStep)new DeleteStep(new ObjectKey(Kinds.Namespace.Kind, string.Empty, TeamNamespace)))));

    /// <summary><c>kubectl rollout undo</c> of the Deployment web, api or db to its previous revision.</summary>
    public static readonly Gen<HistoryStep> Undo = Gen.Elements(Targets).Select(t => (HistoryStep)new RolloutUndoStep(t));

    /// <summary>Logical time moves 1 s, 10 s or 1 min.</summary>
    public static readonly Gen<HistoryStep> Advance = Gen.Elements(1_000L, 10_000L, 60_000L).Select(ms => (HistoryStep)new AdvanceStep(ms));

    /// <summary>A container of a running pod (index 0–20, modulo the candidates) exits with 0, 1 or 137.</summary>
    public static readonly Gen<HistoryStep> Crash =
        from i in Gen.Choose(0, 20) from code in Gen.Elements(0, 1, 137) select (HistoryStep)new CrashStep(new PodSelector(Index: i), null, code);

    /// <summary>The readiness probe of a probed pod (index 0–20, modulo the candidates) fails or passes from now on.</summary>
    public static readonly Gen<HistoryStep> Probe =
        from i in Gen.Choose(0, 20) from pass in Gen.Elements(false, true) select (HistoryStep)new ProbeStep(new PodSelector(Index: i), null, ProbeKind.Readiness, pass);

    /// <summary>A client, clock or container step (the fault-free vocabulary the first laws use).</summary>
    public static Gen<HistoryStep> Step(bool malformed) => Gen.Frequency(
        (6, Apply),
        (malformed ? 2 : 0, Malformed),
        (2, Scale),
        (1, Delete),
        (2, Advance),
        (1, Gen.Constant((HistoryStep)new HeartbeatStep())),
        (2, Crash),
        (1, Gen.Constant((HistoryStep)new SettleStep())));

    /// <summary>A topology and up to <paramref name="maxSteps"/> steps, without faults.</summary>
    public static Gen<History> History(int maxSteps = 30, bool malformed = true) =>
        from nodes in Topologies.Nodes()
        from length in Gen.Choose(0, maxSteps)
        from steps in Gen.ListOf(Step(malformed), length)
        select new History(nodes, steps.ToValueList());

    /// <summary>A swarm configuration: a random subset of <paramref name="allowed"/> faults, 1..maxNodes nodes, 1..maxSteps steps.</summary>
    public static Gen<Swarm> Swarm(FaultKinds allowed, int maxNodes, int maxSteps) =>
        from mask in Gen.Choose(0, (int)FaultKinds.All)
        from nodes in Gen.Choose(1, Math.Max(1, maxNodes))
        from steps in Gen.Choose(1, Math.Max(1, maxSteps))
        select new Swarm((FaultKinds)mask & allowed, nodes, steps);

    /// <summary>One step of a checked history: client requests, clock, and the swarm's faults against the given controllers and nodes.</summary>
    /// <param name="swarm">The seed's configuration: which faults to draw and how many nodes there are.</param>
    /// <param name="controllers">The controllers faults may target.</param>
    /// <param name="extra">An embedder's own steps (requests for its custom kinds), drawn as often as Deployment applies.</param>
    public static Gen<HistoryStep> Step(Swarm swarm, IReadOnlyList<string> controllers, Gen<HistoryStep>? extra = null)
    {
        var faults = swarm.Faults;
        var controller = Gen.Elements(controllers.ToArray());
        var node = Gen.Choose(1, swarm.Nodes).Select(i => $"node-{i}");
        int Weight(FaultKinds kind, int weight) => (faults & kind) != 0 && controllers.Count > 0 ? weight : 0;
        return Gen.Frequency(
            (6, Apply),
            (extra is null ? 0 : 6, extra ?? Apply),
            (1, Malformed),
            (3, Scale),
            (1, DeleteAny),
            (1, Undo),
            (3, Advance),
            (2, ApplyJob),
            (2, JobExit),
            (2, ApplyService),
            (Weight(FaultKinds.Stale, 3), from c in controller from lag in Gen.Choose(1, 8) select (HistoryStep)new StaleViewStep(c, lag)),
            (Weight(FaultKinds.Restart, 2), from c in controller from w in Gen.Choose(0, 3) select (HistoryStep)new RestartStep(c, w)),
            (Weight(FaultKinds.Drop, 2), controller.Select(c => (HistoryStep)new DropStep(c))),
            (Weight(FaultKinds.Duplicate, 1), controller.Select(c => (HistoryStep)new DuplicateStep(c))),
            (Weight(FaultKinds.Reorder, 2), controller.Select(c => (HistoryStep)new ReorderStep(c))),
            (Weight(FaultKinds.Conflict, 2), controller.Select(c => (HistoryStep)new ConflictStep(c))),
            (Weight(FaultKinds.Node, 1), node.Select(n => (HistoryStep)new NodeDownStep(n))),
            (Weight(FaultKinds.Node, 1), node.Select(n => (HistoryStep)new NodeUpStep(n))),
            (Weight(FaultKinds.Node, 1), from n in node from cordon in Gen.Elements(true, false) select (HistoryStep)new CordonStep(n, cordon)),
            (Weight(FaultKinds.Crash, 2), Crash),
            (Weight(FaultKinds.Crash, 1), Probe));
    }

    /// <summary>A history for the checker: a swarm configuration drawn first, then a topology and steps under it.</summary>
    /// <remarks>
    /// The swarm also aims the history's faults at one to three of the controllers: a bug that needs several faults
    /// against one controller (a lost notification, then a stale view, then a conflict) is found far sooner than when
    /// every fault picks among all of them.
    /// </remarks>
    public static Gen<History> Checked(FaultKinds allowed, IReadOnlyList<string> controllers, int maxNodes = 5, int maxSteps = 30, Gen<HistoryStep>? extra = null) =>
        from swarm in Swarm(allowed, maxNodes, maxSteps)
        from targets in FaultTargets(controllers)
        from nodes in Topologies.Exactly(swarm.Nodes)
        from steps in Gen.ListOf(Step(swarm, targets, extra), swarm.Steps)
        select new History(nodes, steps.ToValueList(), $"swarm: {swarm}");

    /// <summary>One to three of the controllers (fewer when there are fewer), in catalogue order.</summary>
    public static Gen<IReadOnlyList<string>> FaultTargets(IReadOnlyList<string> controllers) =>
        controllers.Count == 0
            ? Gen.Constant<IReadOnlyList<string>>(controllers)
            : from k in Gen.Choose(1, Math.Min(3, controllers.Count))
              from picks in Gen.ListOf(Gen.Elements(controllers.ToArray()), k)
              select (IReadOnlyList<string>)[.. controllers.Where(picks.Contains)];
}
