using KubeKernel.Controllers;
using KubeKernel.Controllers.Deployments;
using KubeKernel.Events;
using KubeKernel.Generators;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Properties.Regressions;

/// <summary>
/// Found by the settle-fixpoint law (seed 10923286441098120547,8983585198541927497, size 31, with the first history
/// generator): a Deployment deleted and re-created with the same template found a ReplicaSet it did not own holding
/// the new ReplicaSet's name, and retried the create forever. Kubernetes treats it as a hash collision and bumps
/// status.collisionCount. Since the garbage collector and adoption landed, a plainly re-created Deployment no
/// longer meets its old ReplicaSet (it is collected, or adopted after an orphaning delete), so the collision is
/// pinned with a ReplicaSet the Deployment's selector does not match.
/// </summary>
public class RecreatedDeploymentRegressions
{
    [Fact]
    public void A_deployment_whose_replicaset_name_is_taken_by_a_foreign_replicaset_rolls_out_under_a_new_hash()
    {
        var simulation = new ClusterSimulation(ClusterState.Initial());
        simulation.Apply(new NodeRegistered(global::KubeKernel.Adapters.Manifests.DefaultNodes.Node("node-1")));
        var web = Workloads.NewDeployment("web", 1, "nginx", "100m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));
        simulation.Apply(new ObjectSubmitted("r1", web));
        simulation.RunUntilConverged();
        var taken = simulation.State.Store.List<ReplicaSet>().Single();
        simulation.Apply(new ObjectDeleted("r2", web.Key));
        simulation.RunUntilConverged();
        var foreignLabels = KubeKernel.Collections.ValueMap.Of(("app", "foreign"));
        var foreign = new ReplicaSet(
            new ObjectMeta { Name = taken.Metadata.Name, Namespace = "default", Labels = foreignLabels },
            taken.Spec with { Replicas = 0, Selector = LabelSelector.ForLabels(foreignLabels), Template = taken.Spec.Template with { Metadata = taken.Spec.Template.Metadata with { Labels = foreignLabels } } },
            new ReplicaSetStatus());
        simulation.Apply(new ObjectSubmitted("r3", foreign));
        simulation.Apply(new ObjectSubmitted("r4", web));
        Assert.True(simulation.RunUntilConverged());
        var recreated = simulation.State.Store.Get<Deployment>("default", "web")!;
        Assert.Equal(1, recreated.Status.CollisionCount);
        Assert.Equal(2, simulation.State.Store.List<ReplicaSet>().Count());
    }

    [Fact]
    public void A_deployment_recreated_after_an_orphaning_delete_adopts_its_old_replicaset()
    {
        var simulation = new ClusterSimulation(ClusterState.Initial());
        simulation.Apply(new NodeRegistered(global::KubeKernel.Adapters.Manifests.DefaultNodes.Node("node-1")));
        var web = Workloads.NewDeployment("web", 2, "nginx", "100m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null));
        simulation.Apply(new ObjectSubmitted("r1", web));
        simulation.RunUntilConverged();
        var pods = simulation.State.Store.List<Pod>().Select(p => p.Metadata.Uid).ToList();
        simulation.Apply(new ObjectDeleted("r2", web.Key, DeletionPropagation.Orphan));
        Assert.Null(simulation.State.Store.List<ReplicaSet>().Single().Metadata.ControllerRef);
        simulation.Apply(new ObjectSubmitted("r3", web));
        Assert.True(simulation.RunUntilConverged());
        var recreated = simulation.State.Store.Get<Deployment>("default", "web")!;
        var rs = simulation.State.Store.List<ReplicaSet>().Single();
        Assert.Equal(recreated.Metadata.Uid, rs.Metadata.ControllerRef?.Uid);
        Assert.Null(recreated.Status.CollisionCount);
        Assert.Equal(pods, simulation.State.Store.List<Pod>().Select(p => p.Metadata.Uid).ToList());
        Assert.Equal(1, DeploymentMath.Revision(rs));
    }
}
