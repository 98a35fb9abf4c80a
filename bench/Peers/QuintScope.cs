using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Generators;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Bench.Peers;

/// <summary>
/// The scope of the Quint model in <c>bench/quint/kernel.qnt</c>, as kernel histories: two nodes of 1 CPU, the Deployment
/// web of 3 replicas whose pods request 500m (so each node fits two), and two NodePort Services that clients create and
/// delete; node failure and the ReplicaSet controller's restart are the faults.
/// </summary>
/// <remarks>
/// A history is the Deployment applied, then <see cref="Depth"/> steps drawn uniformly from the model's external actions:
/// scale web to 0–3, create or delete svc-a or svc-b, a node goes down or comes back, the ReplicaSet controller crashes
/// and restarts, and logical time moves (10 s, 1 min or 5 min: the model has no clock, but the kernel's node lifecycle
/// needs its 50 s grace period and the pods' 300 s unreachable toleration to pass before it evicts a lost node's pods).
/// After each step the kernel runs to quiescence, as the checker runs every history; the Quint model interleaves its
/// control-plane actions with the external ones instead.
/// </remarks>
public static class QuintScope
{
    /// <summary>Drawn steps per history: the depth <c>quint run --max-steps</c> is given.</summary>
    public const int Depth = 20;

    /// <summary>The Services clients create and delete, as the model's <c>SERVICES</c>.</summary>
    public static readonly string[] ServiceNames = ["svc-a", "svc-b"];

    /// <summary>The two nodes, node-1 and node-2: 1 CPU, 4Gi, 110 pods, no taints.</summary>
    public static readonly ValueList<Node> Nodes = new[] { "node-1", "node-2" }
        .Select(name => new Node(ObjectMeta.Named(name), new NodeSpec(false, default), new NodeStatus(Topologies.Capacity("1", "4Gi", 110), Topologies.Capacity("1", "4Gi", 110), default, default, default)))
        .ToValueList();

    /// <summary>The Deployment web: 3 replicas of nginx requesting 500m CPU, RollingUpdate with the defaults.</summary>
    public static readonly Deployment Web = Workloads.NewDeployment("web", 3, "nginx:1.25", "500m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));

    private static readonly ObjectKey WebKey = new(Kinds.Deployment.Kind, "default", "web");

    /// <summary>A NodePort Service in front of web, asking for no node port (admission allocates one).</summary>
    public static Service NodePortService(string name) => new(
        new ObjectMeta { Name = name, Namespace = "default" },
        new ServiceSpec
        {
            Type = ServiceType.NodePort,
            Ports = [new ServicePort("http", "TCP", 80, IntOrString.FromInt(8080), null)],
            Selector = ValueMap.Of(("app", "web")),
        },
        ServiceStatus.Empty);

    /// <summary>One drawn step: each of the model's external actions equally often, and time.</summary>
    public static readonly Gen<HistoryStep> Step = Gen.OneOf(
        Gen.Choose(0, 3).Select(r => (HistoryStep)new ScaleStep(WebKey, r)),
        Gen.Elements(ServiceNames).Select(s => (HistoryStep)new ApplyStep(NodePortService(s))),
        Gen.Elements(ServiceNames).Select(s => (HistoryStep)new DeleteStep(new ObjectKey(Kinds.Service.Kind, "default", s))),
        Gen.Elements(Nodes.Select(n => n.Metadata.Name).ToArray()).Select(n => (HistoryStep)new NodeDownStep(n)),
        Gen.Elements(Nodes.Select(n => n.Metadata.Name).ToArray()).Select(n => (HistoryStep)new NodeUpStep(n)),
        Gen.Choose(0, 3).Select(w => (HistoryStep)new RestartStep(ControllerNames.ReplicaSet, w)),
        Gen.Elements(10_000L, 60_000L, 300_000L).Select(ms => (HistoryStep)new AdvanceStep(ms)));

    /// <summary>A history of the scope: the Deployment applied, then <see cref="Depth"/> drawn steps.</summary>
    public static readonly Gen<History> History =
        from steps in Gen.ListOf(Step, Depth)
        select new History(Nodes, [new ApplyStep(Web), .. steps], "quint scope");

    /// <summary>The <paramref name="index"/>-th history of <paramref name="seed"/>, drawn as the checker draws its own.</summary>
    public static History Draw(ulong seed, int index) =>
        History.Sample(numberOfSamples: 1, new Rnd(ClusterChecker.HistorySeed(seed, index), 0x9E3779B97F4A7C15UL | 1UL), Depth)[0];
}
