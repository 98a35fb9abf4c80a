using KubeKernel;
using KubeKernel.Invariants;
using KubeKernel.Model;

namespace BackupControllerTests;

/// <summary>What the Backup controller promises: never a run made twice, and in the end a Job for every run that fell due.</summary>
public static class BackupInvariants
{
    public static Invariant OneJobPerRun { get; } = new(
        "BackupOneJobPerRun",
        "No Backup ever has two Jobs for the same run.",
        InvariantKind.Safety,
        (_, state) => state.Store.List<Backup>()
            .SelectMany(backup => JobsOf(state, backup)
                .GroupBy(job => job.Metadata.Labels.GetValueOrDefault(BackupController.RunLabel))
                .Where(run => run.Count() > 1)
                .Select(run => $"backup {backup.Metadata.Namespace}/{backup.Metadata.Name} made run {run.Key} {run.Count()} times: {string.Join(", ", run.Select(job => job.Metadata.Name))}")))
    {
        // The check reads Backups and Jobs only: a step that wrote neither is settled without running it.
        Reads = StateFootprint.Of(Backup.KindInfo, Kinds.Job),
    };

    public static Invariant DueRunsHaveJobs { get; } = new(
        "BackupDueRunsHaveJobs",
        "Once the cluster settles, every run of a Backup that fell due has its Job.",
        InvariantKind.Eventual,
        (_, state) => state.Store.List<Backup>()
            .Where(backup => !backup.Metadata.IsBeingDeleted)
            .SelectMany(backup => Enumerable.Range(0, backup.Spec.Runs)
                .Where(run => backup.DueAt(run) <= state.Now && !JobsOf(state, backup).Any(job => job.Metadata.Labels.GetValueOrDefault(BackupController.RunLabel) == run.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Select(run => $"backup {backup.Metadata.Namespace}/{backup.Metadata.Name} has no Job for run {run}, due at {backup.DueAt(run) / 1000} s")))
    {
        // Making Jobs does not depend on where their pods land: judged even when some pod fits no node.
        IndependentOfPlacement = true,
    };

    private static IEnumerable<Job> JobsOf(ClusterState state, Backup backup) =>
        state.Store.List<Job>(backup.Metadata.Namespace).Where(job => job.Metadata.ControllerRef?.Uid == backup.Metadata.Uid);
}
