using KubeKernel.Events;
using KubeKernel.Generators;
using KubeKernel.Model;
using KubeKernel.Simulation;
using KubeKernel.StateMachines;

namespace KubeKernel.Properties.Laws;

/// <summary>End-to-end flows through the reducer and the simulated runtime.</summary>
public class SimulationTests
{
    private static ClusterSimulation ThreeNodes()
    {
        var simulation = new ClusterSimulation(ClusterState.Initial());
        foreach (var name in new[] { "node-1", "node-2", "node-3" })
        {
            simulation.Apply(new NodeRegistered(global::KubeKernel.Adapters.Manifests.DefaultNodes.Node(name)));
        }

        return simulation;
    }

    private static Deployment Web(int replicas) => Workloads.NewDeployment("web", replicas, "nginx", "100m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));

    [Fact]
    public void A_three_replica_deployment_becomes_Available_with_three_running_ready_pods()
    {
        var simulation = ThreeNodes();
        simulation.Apply(new ObjectSubmitted("r1", Web(3)));
        Assert.True(simulation.RunUntilConverged());
        var pods = simulation.State.Store.List<Pod>().ToList();
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p => Assert.True(p.Status.Phase == PodPhase.Running && p.IsReady));
        Assert.Equal(3, pods.Select(p => p.Spec.NodeName).Distinct().Count());
        Assert.Equal(3, simulation.State.Store.Get<Deployment>("default", "web")!.Status.AvailableReplicas);
    }

    [Fact]
    public void Scaling_down_deletes_pods_gracefully_and_the_kubelet_removes_them()
    {
        var simulation = ThreeNodes();
        simulation.Apply(new ObjectSubmitted("r1", Web(3)));
        simulation.RunUntilConverged();
        simulation.Apply(new ScaleRequested("r2", new ObjectKey("Deployment", "default", "web"), 1));
        Assert.True(simulation.RunUntilConverged());
        Assert.Single(simulation.State.Store.List<Pod>());
        Assert.Equal(1, simulation.State.Store.List<ReplicaSet>().Single().Status.Replicas);
    }

    [Fact]
    public void An_image_change_rolls_out_a_new_replicaset_and_scales_the_old_one_to_zero()
    {
        var simulation = ThreeNodes();
        simulation.Apply(new ObjectSubmitted("r1", Web(4)));
        simulation.RunUntilConverged();
        var updated = Workloads.NewDeployment("web", 4, "nginx:1.25", "100m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));
        simulation.Apply(new ObjectSubmitted("r2", updated));
        Assert.True(simulation.RunUntilConverged());
        var sets = simulation.State.Store.List<ReplicaSet>().OrderBy(r => KubeKernel.Controllers.Deployments.DeploymentMath.Revision(r)).ToList();
        Assert.Equal([0, 4], sets.Select(r => r.Spec.DesiredReplicas));
        Assert.All(simulation.State.Store.List<Pod>(), p => Assert.Equal("nginx:1.25", p.Spec.Containers[0].Image));
    }

    [Fact]
    public void A_pod_that_fits_nowhere_stays_Pending_with_the_Kubernetes_message()
    {
        var simulation = ThreeNodes();
        var huge = Workloads.NewDeployment("big", 1, "nginx", "64", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));
        simulation.Apply(new ObjectSubmitted("r1", huge));
        Assert.False(simulation.RunUntilConverged());
        var pod = simulation.State.Store.List<Pod>().Single();
        var scheduled = pod.Status.FindCondition(PodConditionTypes.PodScheduled)!;
        Assert.Equal("Unschedulable", scheduled.Reason);
        Assert.Equal("0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.", scheduled.Message);
    }

    [Fact]
    public void A_node_without_heartbeats_goes_Unknown_after_the_grace_period()
    {
        var simulation = ThreeNodes();
        simulation.Runtime = simulation.Runtime with { DownNodes = ["node-2"] };
        simulation.Advance(49_000);
        Assert.True(simulation.State.Store.Get<Node>("", "node-2")!.IsReady);
        simulation.Advance(1_000);
        var node = simulation.State.Store.Get<Node>("", "node-2")!;
        Assert.Equal(ConditionStatus.Unknown, node.ReadyCondition!.Status);
        Assert.Equal("Kubelet stopped posting node status.", node.ReadyCondition.Message);
        Assert.True(simulation.State.Store.Get<Node>("", "node-1")!.IsReady);
    }

    [Fact]
    public void A_crashing_container_restarts_with_back_off_and_counts_restarts()
    {
        var simulation = ThreeNodes();
        simulation.Apply(new ObjectSubmitted("r1", Web(1)));
        simulation.RunUntilConverged();
        Pod Current() => simulation.State.Store.List<Pod>().Single();
        for (var crash = 0; crash < 3; crash++)
        {
            var pod = Current();
            simulation.Runtime = simulation.Runtime.Exited(pod.Metadata.Uid, "web");
            simulation.Apply(new ContainerExited(pod.Spec.NodeName!, pod.Ref, "web", 1));
            simulation.Advance(crash == 0 ? 0 : crash * 10_000);
        }

        Assert.Equal(3, Current().Status.ContainerStatuses[0].RestartCount);
        Assert.True(Current().Status.ContainerStatuses[0].State.IsRunning);
    }
}
