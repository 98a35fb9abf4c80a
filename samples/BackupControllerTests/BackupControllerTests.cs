using KubeKernel;
using KubeKernel.Checking;
using KubeKernel.Collections;
using KubeKernel.Generators;
using KubeKernel.Invariants;
using KubeKernel.Model;
using KubeKernel.Simulation;
using Xunit.Abstractions;

namespace BackupControllerTests;

/// <summary>The Backup controller checked as an embedder checks theirs: example histories, then random ones with faults aimed at it.</summary>
public class BackupControllerTests(ITestOutputHelper output)
{
    /// <summary>The cluster with the Backup kind and controller added, and the catalogue plus the Backup's invariants.</summary>
    private static CheckOptions Options(BackupController controller) => CheckOptions.Default with
    {
        Config = ClusterConfig.Default with
        {
            CustomKinds = [Backup.Backups],
            Controllers = ClusterConfig.Default.Controllers.With(controller),
        },
        Invariants = [.. InvariantCatalog.All, BackupInvariants.OneJobPerRun, BackupInvariants.DueRunsHaveJobs],
    };

    private static CheckSettings Settings(BackupController controller) => new()
    {
        Seed = 11,
        Histories = 40,
        ExtraSteps = BackupSteps.Any,
        FaultTargets = [BackupController.ControllerName],
        Options = Options(controller),
    };

    private static readonly Node Node1 = new(
        ObjectMeta.Named("node-1"),
        new NodeSpec(false, default),
        new NodeStatus(Topologies.Capacity("4", "16Gi", 110), Topologies.Capacity("4", "16Gi", 110), default, default, default));

    [Fact]
    public void A_backup_makes_one_job_per_run_as_each_falls_due()
    {
        var history = new History([Node1], [new ApplyStep(BackupSteps.NewBackup("nightly", runs: 3, intervalSeconds: 10)), new AdvanceStep(25_000)]);

        var result = HistoryChecker.Check(history, Options(new BackupController()));

        Assert.Equal(Verdict.Passed, result.Verdict);
        var jobs = result.Final.Store.List<Job>("default").Select(job => job.Metadata.Name).ToList();
        Assert.Equal(["nightly-0", "nightly-1", "nightly-2"], jobs);
        Assert.Equal(3, result.Final.Store.Get<Backup>("default", "nightly")!.Status.JobsCreated);
    }

    [Fact]
    public void A_level_based_backup_controller_keeps_every_invariant_with_every_fault_aimed_at_it()
    {
        var report = ClusterChecker.Run(Settings(new BackupController()) with { Options = Options(new BackupController()) with { Coverage = true } });

        Assert.False(report.Failed, report.Counterexample?.Shrunk.Violation?.Messages[0]);
        Assert.True(report.FaultsFired > 0);
        Assert.True(report.Coverage.InvariantChecks.GetValueOrDefault(BackupInvariants.OneJobPerRun.Id) > 0);
    }

    [Fact]
    public void A_controller_that_trusts_its_status_makes_a_run_twice_and_the_checker_shrinks_the_history_that_shows_it()
    {
        var report = ClusterChecker.Run(Settings(new BackupController(trustsItsStatus: true)));

        Assert.True(report.Failed);
        var shrunk = report.Counterexample!.Shrunk;
        output.WriteLine($"{shrunk.Violation!.Invariant.Id}: {shrunk.Violation.Messages[0]}");
        foreach (var step in shrunk.History.Steps)
        {
            output.WriteLine(step switch
            {
                ApplyStep apply => $"  apply {apply.Object.Key}",
                FaultStep fault => $"  {fault.GetType().Name} against {fault.Controller}",
                _ => $"  {step}",
            });
        }

        Assert.Equal(BackupInvariants.OneJobPerRun.Id, shrunk.Violation!.Invariant.Id);
        Assert.Contains(shrunk.History.Steps, step => step is ApplyStep { Object: Backup });
        Assert.Contains(shrunk.History.Steps, step => step is FaultStep { Controller: BackupController.ControllerName });
        Assert.InRange(shrunk.History.Steps.Count, 2, 4);

        // The shrunk history is a replayable regression: checked again, it fails the same way.
        var replayed = HistoryChecker.Check(shrunk.History, Options(new BackupController(trustsItsStatus: true)));
        Assert.Equal(BackupInvariants.OneJobPerRun.Id, replayed.Violation?.Invariant.Id);
    }
}
