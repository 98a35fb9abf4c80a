using KubeKernel.Events;
using KubeKernel.Generators;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Properties.Regressions;

/// <summary>
/// Found by the settle-fixpoint law (seed 10923286441098120547,8983585198541927497, size 31, with the first history
/// generator): a Deployment deleted and re-created with the same template found its old, now orphaned ReplicaSet
/// holding the new ReplicaSet's name, and retried the create forever. Kubernetes treats it as a hash collision and
/// bumps status.collisionCount. The generator has changed since, so the minimal history is pinned here by hand.
/// </summary>
public class RecreatedDeploymentRegressions
{
    [Fact]
    public void A_recreated_deployment_whose_old_replicaset_remains_rolls_out_under_a_new_hash()
    {
        var simulation = new ClusterSimulation(ClusterState.Initial());
        simulation.Apply(new NodeRegistered(global::KubeKernel.Cli.Simulate.ClusterInput.DefaultNode("node-1")));
        var web = Workloads.NewDeployment("web", 1, "nginx", "100m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));
        simulation.Apply(new ObjectSubmitted("r1", web));
        simulation.RunUntilConverged();
        simulation.Apply(new ObjectDeleted("r2", web.Key));
        simulation.Apply(new ObjectSubmitted("r3", web));
        Assert.True(simulation.RunUntilConverged());
        var recreated = simulation.State.Store.Get<Deployment>("default", "web")!;
        Assert.Equal(1, recreated.Status.CollisionCount);
        Assert.Equal(2, simulation.State.Store.List<ReplicaSet>().Count());
    }
}
