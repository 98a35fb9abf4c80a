using FsCheck.Fluent;
using KubeKernel.Checking;
using KubeKernel.Generators;
using KubeKernel.Invariants;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Properties.Checking.Embedding;

/// <summary>The worked example of docs/embedding.md: a custom kind, its controller and its invariants, checked by the same generators and checker.</summary>
public class EmbeddingTests
{
    /// <summary>The cluster with the Greeter kind and controller added, and the catalogue plus the Greeter's invariants.</summary>
    public static CheckOptions Options(GreeterController controller) => CheckOptions.Default with
    {
        Config = ClusterConfig.Default with
        {
            CustomKinds = [Greeter.Greeters],
            Controllers = ClusterConfig.Default.Controllers.With(controller),
        },
        Invariants = [.. InvariantCatalog.All, GreeterInvariants.NeverTooManyPods, GreeterInvariants.ReachesReplicas],
    };

    /// <summary>Client requests for greeters: apply one with 0-4 replicas, or delete it.</summary>
    public static readonly FsCheck.Gen<HistoryStep> GreeterSteps = Gen.OneOf(
        from name in Gen.Elements("hello", "hola")
        from replicas in Gen.Choose(0, 4)
        select (HistoryStep)new ApplyStep(new Greeter(new ObjectMeta { Name = name, Namespace = "default" }, replicas)),
        Gen.Elements("hello", "hola").Select(name => (HistoryStep)new DeleteStep(new ObjectKey(Greeter.Greeters.Kind, "default", name))));

    [Fact]
    public void A_correct_greeter_controller_passes_the_checker()
    {
        var report = ClusterChecker.Run(new CheckSettings { Seed = 7, Histories = 60, ExtraSteps = GreeterSteps, Options = Options(new GreeterController()) with { Coverage = true } });
        Assert.False(report.Failed, report.Counterexample?.Shrunk.Violation?.Messages[0]);
        Assert.True(report.Coverage.InvariantChecks.ContainsKey(GreeterInvariants.ReachesReplicas.Id));
    }

    [Fact]
    public void Faults_aimed_at_the_greeter_controller_land_on_it_and_a_correct_greeter_keeps_every_invariant()
    {
        var settings = new CheckSettings { Seed = 7, Histories = 60, ExtraSteps = GreeterSteps, Options = Options(new GreeterController()), FaultTargets = [GreeterController.ControllerName] };
        var report = ClusterChecker.Run(settings);
        Assert.False(report.Failed, report.Counterexample?.Shrunk.Violation?.Messages[0]);
        Assert.True(report.FaultsFired > 0);
        var faults = Enumerable.Range(0, settings.Histories).SelectMany(i => ClusterChecker.Generate(settings, i).Steps.OfType<FaultStep>()).ToList();
        Assert.NotEmpty(faults);
        Assert.All(faults, f => Assert.Equal(GreeterController.ControllerName, f.Controller));
    }

    [Fact]
    public void An_off_by_one_greeter_controller_is_caught_and_shrunk()
    {
        var report = ClusterChecker.Run(new CheckSettings { Seed = 7, Histories = 60, ExtraSteps = GreeterSteps, Options = Options(new GreeterController(offByOne: true)) });
        Assert.True(report.Failed);
        var shrunk = report.Counterexample!.Shrunk;
        Assert.StartsWith("Greeter", shrunk.Violation!.Invariant.Id);
        Assert.InRange(shrunk.History.Steps.Count, 1, 3);
        Assert.Contains(shrunk.History.Steps, s => s is ApplyStep { Object: Greeter });
    }

    [Fact]
    public void A_custom_kind_is_created_and_deleted_through_the_api_server()
    {
        var options = Options(new GreeterController());
        var history = new History([StepSimplifier.Simpler(new Node(ObjectMeta.Named("node-1"), new NodeSpec(false, default), new NodeStatus(default, default, default, default, default))).First()],
            [new ApplyStep(new Greeter(new ObjectMeta { Name = "hello", Namespace = "default" }, 2)), new DeleteStep(new ObjectKey("Greeter", "default", "hello"))]);
        var result = HistoryChecker.Check(history with { Steps = history.Steps.RemoveAt(1) }, options);
        Assert.Equal(Verdict.Passed, result.Verdict);
        Assert.Equal(2, result.Final.Store.Get<Greeter>("default", "hello")!.ReadyReplicas);
        var deleted = HistoryChecker.Check(history, options);
        Assert.Null(deleted.Final.Store.Get<Greeter>("default", "hello"));
    }
}
