using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace BackupControllerTests;

/// <summary>What clients do with Backups in generated histories: apply one (1–3 runs, 10–30 s apart) or delete it.</summary>
public static class BackupSteps
{
    private static readonly Gen<string> Name = Gen.Elements("nightly", "hourly");

    public static Gen<HistoryStep> Any { get; } = Gen.OneOf(
        from name in Name
        from runs in Gen.Choose(1, 3)
        from interval in Gen.Elements(10, 20, 30)
        select (HistoryStep)new ApplyStep(NewBackup(name, runs, interval)),
        Name.Select(name => (HistoryStep)new DeleteStep(new ObjectKey(Backup.Backups.Kind, "default", name))));

    public static Backup NewBackup(string name, int runs, int intervalSeconds) =>
        new(new ObjectMeta { Name = name, Namespace = "default" }, new BackupSpec(runs, intervalSeconds), new BackupStatus());
}
