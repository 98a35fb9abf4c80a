using KubeKernel.Checking;
using KubeKernel.Driving;
using KubeKernel.Generators;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Properties.Checking;

/// <summary>
/// The generators' ConfigMap and Secret vocabulary, checked as histories: each way a generated Deployment reads config
/// leaves its pods waiting while the config is missing (and the convergence invariants excuse them), starts them once it
/// is applied, and holds every invariant with a controller fault in between.
/// </summary>
public class ConfigHistoryTests
{
    private static readonly Node Node1 = StepSimplifier.Simpler(new Node(ObjectMeta.Named("node-1"), new NodeSpec(false, default), new NodeStatus(default, default, default, default, default))).First();

    private static Deployment Configured(int use) =>
        Workloads.WithConfig(Workloads.NewDeployment("web", 2, "nginx", "100m", new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null)), use, optional: false);

    private static readonly HistoryStep Settings = new ApplyStep(new ConfigMap(new ObjectMeta { Name = Workloads.SettingsName, Namespace = "default" }, Collections.ValueMap.Of(("mode", "fast"), ("level", "debug"))));

    private static readonly HistoryStep Credentials = new ApplyStep(new Secret(new ObjectMeta { Name = Workloads.CredentialsName, Namespace = "default" }, Collections.ValueMap.Of(("password", "czNjcmV0"))));

    public static TheoryData<int> Uses => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Uses))]
    public void Pods_reading_missing_config_wait_and_are_excused_then_start_when_it_is_applied(int use)
    {
        var waiting = HistoryChecker.Check(new History([Node1], [new ApplyStep(Configured(use))]));
        Assert.Equal(Verdict.Passed, waiting.Verdict);
        var pods = waiting.Final.Store.List<Pod>().ToList();
        Assert.Equal(2, pods.Count);
        Assert.All(pods, p => Assert.Equal(KubeKernel.StateMachines.PodPhase.Pending, p.Status.Phase));

        var started = HistoryChecker.Check(new History([Node1], [new ApplyStep(Configured(use)), Settings, Credentials]));
        Assert.Equal(Verdict.Passed, started.Verdict);
        Assert.All(started.Final.Store.List<Pod>(), p => Assert.True(p.IsReady, p.Metadata.Name));
    }

    [Fact]
    public void A_lost_notification_of_the_ConfigMap_is_recovered_by_the_relist_of_the_fault_free_phase()
    {
        var result = HistoryChecker.Check(new History([Node1], [new ApplyStep(Configured(0)), new DropStep("kubelet"), Settings]));
        Assert.Equal(Verdict.Passed, result.Verdict);
        Assert.All(result.Final.Store.List<Pod>(), p => Assert.True(p.IsReady, p.Metadata.Name));
    }

    [Fact]
    public void A_deleted_ConfigMap_leaves_running_pods_running()
    {
        var result = HistoryChecker.Check(new History([Node1], [Settings, new ApplyStep(Configured(0)), new DeleteStep(new ObjectKey("ConfigMap", "default", Workloads.SettingsName))]));
        Assert.Equal(Verdict.Passed, result.Verdict);
        Assert.All(result.Final.Store.List<Pod>(), p => Assert.True(p.IsReady, p.Metadata.Name));
    }
}
