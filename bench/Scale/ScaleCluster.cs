using KubeKernel.Collections;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Simulation;
using KubeKernel.StateMachines;

namespace KubeKernel.Bench.Scale;

/// <summary>
/// The scale benchmark's cluster, built through the public simulation API as <c>kernelctl simulate</c> builds one:
/// nodes like scheduler_perf's <c>node-default.yaml</c> (4 cpu, 32Gi, 110 pods), and Deployments of 100 replicas
/// (50m cpu, 64Mi each), enough for <c>podsPerNode</c> pods per node.
/// </summary>
/// <remarks>
/// The Deployments are spread over one namespace per 100 nodes (clusterloader2's <c>NODES_PER_NAMESPACE</c>), as
/// Kubernetes' own load tests lay out a cluster. The simulation keeps no trace (see <see cref="StateHistory"/>), its
/// step limit is lifted (a 150,000-pod cold start takes about a million steps), and its stale-view depth is 1: no fault
/// is ever armed, so no stale view is served, and the default depth keeps the state of every revision the run went
/// through, which would measure the checker's memory rather than the cluster's.
/// </remarks>
public sealed class ScaleCluster
{
    public const int ReplicasPerDeployment = 100;
    public const int NodesPerNamespace = 100;
    public const string Image = "registry.k8s.io/pause:3.10";
    public const string RolledImage = "registry.k8s.io/pause:3.10.1";

    private static readonly SimulationOptions Unlimited = new() { MaxSteps = int.MaxValue, StaleViewDepth = 1 };
    private readonly List<string> liveNodes;
    private readonly int deploymentsPerNamespace;

    private ScaleCluster(int nodes, int podsPerNode)
    {
        liveNodes = [.. Enumerable.Range(0, nodes).Select(NodeName)];
        Deployments = DeploymentsFor(nodes, podsPerNode);
        deploymentsPerNamespace = Math.Max(1, NodesPerNamespace * podsPerNode / ReplicasPerDeployment);
        // Configured for its size, as simulate and serve configure theirs: a cluster CIDR with a pod CIDR for every node.
        var config = Adapters.ClusterCidrMath.Configure(ClusterConfig.Default, requested: null, nodes);
        Simulation = new ClusterSimulation(ClusterState.Initial(config), Unlimited, History);
    }

    /// <summary>The running simulation.</summary>
    public ClusterSimulation Simulation { get; }

    /// <summary>The simulation's trace sink: keeps nothing until asked to keep recent states.</summary>
    public StateHistory History { get; } = new();

    /// <summary>How many Deployments the cluster runs; each wants <see cref="ReplicasPerDeployment"/> pods.</summary>
    public int Deployments { get; }

    /// <summary>The pods the Deployments want in all.</summary>
    public int Pods => Deployments * ReplicasPerDeployment;

    /// <summary>The Deployments for <paramref name="podsPerNode"/> pods per node, rounded down (at least one).</summary>
    public static int DeploymentsFor(int nodes, int podsPerNode) => Math.Max(1, nodes * podsPerNode / ReplicasPerDeployment);

    /// <summary>The nodes not lost, in name order.</summary>
    public IReadOnlyList<string> LiveNodes => liveNodes;

    /// <summary>Registers <paramref name="nodes"/> nodes and applies the namespaces and Deployments, one request each, each run to quiescence.</summary>
    public static ScaleCluster Start(int nodes, int podsPerNode, ScaleProgress progress)
    {
        var cluster = new ScaleCluster(nodes, podsPerNode);
        var capacity = ValueMap<string, Quantity>.Empty
            .SetItem("cpu", Quantity.Parse("4")).SetItem("memory", Quantity.Parse("32Gi")).SetItem("pods", Quantity.Parse("110"));
        foreach (var name in cluster.liveNodes)
        {
            cluster.Simulation.Apply(new NodeRegistered(new Node(ObjectMeta.Named(name), new NodeSpec(false, default), new NodeStatus(capacity, capacity, default, default, default))));
        }

        foreach (var ns in Enumerable.Range(0, cluster.Deployments).Select(cluster.Namespace).Distinct())
        {
            cluster.Run(new ApplyStep(new Namespace(ObjectMeta.Named(ns), default, NamespacePhase.Active)));
        }

        for (var i = 0; i < cluster.Deployments; i++)
        {
            cluster.Run(new ApplyStep(cluster.Deployment(i, Image)));
            progress.Report(cluster, $"{i + 1}/{cluster.Deployments} Deployments applied");
        }

        return cluster;
    }

    /// <summary>The key of the <paramref name="index"/>-th Deployment.</summary>
    public ObjectKey DeploymentKey(int index) => new(Kinds.Deployment.Kind, Namespace(index), $"deploy-{index:D5}");

    /// <summary>The <paramref name="index"/>-th Deployment as a client applies it, with <paramref name="image"/>.</summary>
    public Deployment Deployment(int index, string image)
    {
        var key = DeploymentKey(index);
        var labels = ValueMap.Of(("app", key.Name));
        var requests = ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse("50m")).SetItem("memory", Quantity.Parse("64Mi"));
        var container = new Container { Name = "app", Image = image, Resources = new ResourceRequirements(requests, default) };
        return new Deployment(
            new ObjectMeta { Name = key.Name, Namespace = key.Namespace, Labels = labels },
            new DeploymentSpec
            {
                Replicas = ReplicasPerDeployment,
                Selector = LabelSelector.ForLabels(labels),
                Template = new PodTemplateSpec(new ObjectMeta { Labels = labels }, new PodSpec { Containers = [container] }),
            },
            new DeploymentStatus());
    }

    /// <summary>A rolling update of every tenth Deployment (the first, the eleventh …): its image changes.</summary>
    /// <returns>How many Deployments were updated.</returns>
    public int RollOut()
    {
        var rolled = Enumerable.Range(0, Deployments).Where(i => i % 10 == 0).ToList();
        foreach (var i in rolled)
        {
            Run(new ApplyStep(Deployment(i, RolledImage)));
        }

        return rolled.Count;
    }

    /// <summary>
    /// Loses <paramref name="count"/> nodes spread over the cluster, as a machine that dies is lost: its kubelet stops
    /// answering; once the node lifecycle controller has marked the node NotReady (and its pods not ready), its Node object
    /// is deleted, as the cloud node controller deletes a NotReady node whose machine is gone; PodGC then removes its pods.
    /// </summary>
    /// <remarks>
    /// A node that is only cut off keeps its pods Terminating for ever once they are evicted (their kubelet never confirms),
    /// as in Kubernetes, so the cluster would never settle; a Node deleted at once leaves its pods Ready until PodGC's
    /// quarantine ends, and the cluster looks settled while they are still due to go.
    /// </remarks>
    public void LoseNodes(int count, long horizonMillis)
    {
        var lost = Enumerable.Range(0, count).Select(k => liveNodes[k * liveNodes.Count / count]).ToList();
        foreach (var name in lost)
        {
            Run(new NodeDownStep(name));
            liveNodes.Remove(name);
        }

        bool AllNotReady(ClusterState state) => lost.All(name => state.Store.Get<Node>(string.Empty, name) is not { IsReady: true });
        if (!Simulation.Driver.RunUntil(Simulation.State.Now + horizonMillis, AllNotReady))
        {
            throw new InvalidOperationException($"the lost nodes were not all NotReady within {horizonMillis / 1000} s of logical time");
        }

        foreach (var name in lost)
        {
            Run(new DeleteStep(new ObjectKey(Kinds.Node.Kind, string.Empty, name)));
        }
    }

    /// <summary>Runs the cluster deadline by deadline until it converges (at most <paramref name="horizonMillis"/> of logical time); returns whether it did.</summary>
    public bool Settle(long horizonMillis, ScaleProgress progress) =>
        Simulation.Driver.RunUntil(Simulation.State.Now + horizonMillis, state =>
        {
            progress.Report(this, $"settling, {state.Now / 1000} s of logical time");
            return Convergence.IsConverged(state);
        });

    /// <summary>Carries out one history step; a step the cluster refuses is a broken benchmark, not a figure.</summary>
    public void Run(HistoryStep step)
    {
        if (Simulation.Run(step) is { } problem)
        {
            throw new InvalidOperationException($"{step}: {problem}");
        }
    }

    /// <summary>
    /// What is wrong with the settled cluster, or null: it must have converged, and every Deployment must have exactly its
    /// replicas, each pod Running and Ready on a live node with the Deployment's current image.
    /// </summary>
    public string? Problem()
    {
        var state = Simulation.State;
        if (!Convergence.IsConverged(state))
        {
            var blockers = Convergence.Blockers(state);
            return $"not converged at {state.Now / 1000} s of logical time ({blockers.Count} blockers, the first: {string.Join("; ", blockers.Take(5))})";
        }

        var live = liveNodes.ToHashSet(StringComparer.Ordinal);
        var pods = state.Store.List<Pod>().Where(p => !p.IsTerminal).ToLookup(p => (p.Metadata.Namespace, p.Metadata.Labels.GetValueOrDefault("app")));
        for (var i = 0; i < Deployments; i++)
        {
            var key = DeploymentKey(i);
            var deployment = state.Store.Get<Deployment>(key.Namespace, key.Name);
            var image = deployment?.Spec.Template.Spec.Containers[0].Image;
            var own = pods[(key.Namespace, key.Name)].ToList();
            if (deployment is null || own.Count != deployment.Spec.DesiredReplicas)
            {
                return $"{key}: {own.Count} pods, {deployment?.Spec.DesiredReplicas} wanted";
            }

            if (own.FirstOrDefault(p => p.Status.Phase != PodPhase.Running || !p.IsReady || !live.Contains(p.Spec.NodeName ?? string.Empty) ||
                p.Spec.Containers[0].Image != image) is { } wrong)
            {
                return $"{key}: pod {wrong.Metadata.Name} is {wrong.Status.Phase}, ready {wrong.IsReady}, on {wrong.Spec.NodeName}, image {wrong.Spec.Containers[0].Image} (want {image})";
            }
        }

        var total = pods.Sum(g => g.Count());
        return total == Pods ? null : $"{total} pods in the store, {Pods} wanted";
    }

    private static string NodeName(int index) => $"node-{index:D5}";

    private string Namespace(int deploymentIndex) => $"scale-{deploymentIndex / deploymentsPerNamespace:D3}";
}
