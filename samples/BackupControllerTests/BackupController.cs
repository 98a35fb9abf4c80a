using System.Globalization;
using KubeKernel;
using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Model;
using KubeKernel.Store;

namespace BackupControllerTests;

/// <summary>The Backup controller: one Job per due run, named after the run, owned by the Backup; it looks again when the next run falls due.</summary>
/// <remarks>
/// Level-based, as a Kubernetes controller should be: each reconcile reads which runs already have a Job and creates the
/// missing ones, so a lost notification, a stale read or a crash between two writes cannot make a run twice (the run's
/// Job name is taken once). <c>trustsItsStatus</c> seeds the classic bug: the next run is read from
/// <c>status.jobsCreated</c> and its Job gets a generated name, so a reconcile that sees an old status, or a crash
/// between the create and the status write, makes the same run twice.
/// </remarks>
public sealed class BackupController(bool trustsItsStatus = false) : IController
{
    public const string ControllerName = "backup-controller";

    /// <summary>The label that says which run a Job makes.</summary>
    public const string RunLabel = "backups.example.com/run";

    public string Name => ControllerName;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view) => change.Object switch
    {
        Backup backup => [backup.Key.NamespacedName],
        Job { Metadata.ControllerRef: { Kind: "Backup" } owner } job => [$"{job.Metadata.Namespace}/{owner.Name}"],
        _ => [],
    };

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        if (view.Store.Get(ObjectKey.Parse(Backup.Backups.Kind, key)) is not Backup backup || backup.Metadata.IsBeingDeleted)
        {
            return ReconcileResult.Nothing;
        }

        var due = Enumerable.Range(0, backup.Spec.Runs).Where(run => backup.DueAt(run) <= view.Now).ToList();
        var jobs = view.Store.List<Job>(backup.Metadata.Namespace).Where(job => job.Metadata.ControllerRef?.Uid == backup.Metadata.Uid).ToList();
        var writes = trustsItsStatus ? FromStatus(backup, due) : FromJobs(backup, due, jobs);

        // Look again when the next run falls due.
        long? next = due.Count < backup.Spec.Runs ? backup.DueAt(due.Count) - view.Now : null;
        return new ReconcileResult([.. writes], RequeueAfterMillis: next);
    }

    /// <summary>The missing runs' Jobs, under names that make a run at most once; and the count in status.</summary>
    private static IEnumerable<Write> FromJobs(Backup backup, List<int> due, List<Job> jobs)
    {
        var made = jobs.Select(job => job.Metadata.Labels.GetValueOrDefault(RunLabel)).ToHashSet();
        foreach (var run in due.Where(run => !made.Contains(Run(run))))
        {
            yield return new CreateObject(NewJob(backup, run, generateName: false));
        }

        if (backup.Status.JobsCreated != due.Count)
        {
            yield return new UpdateStatus(backup with { Status = new BackupStatus(due.Count) });
        }
    }

    /// <summary>The seeded bug: the next run comes from the status, and its Job from a generated name.</summary>
    private static IEnumerable<Write> FromStatus(Backup backup, List<int> due)
    {
        var next = backup.Status.JobsCreated;
        if (next < due.Count)
        {
            yield return new CreateObject(NewJob(backup, next, generateName: true));
            yield return new UpdateStatus(backup with { Status = new BackupStatus(next + 1) });
        }
    }

    private static Job NewJob(Backup backup, int run, bool generateName)
    {
        var labels = ValueMap.Of(("app", "backup"), (RunLabel, Run(run)));
        var dump = new Container
        {
            Name = "dump",
            Image = "postgres:16",
            Resources = new ResourceRequirements(ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse("100m")).SetItem("memory", Quantity.Parse("64Mi")), default),
        };
        return new Job(
            new ObjectMeta
            {
                Name = generateName ? string.Empty : $"{backup.Metadata.Name}-{Run(run)}",
                GenerateName = generateName ? $"{backup.Metadata.Name}-" : null,
                Namespace = backup.Metadata.Namespace,
                Labels = labels,
                OwnerReferences = [new OwnerReference(backup.Info.ApiVersion, backup.Kind, backup.Metadata.Name, backup.Metadata.Uid, Controller: true, BlockOwnerDeletion: true)],
            },
            new JobSpec
            {
                BackoffLimit = 1,
                // A dump that hangs is given up after two minutes, so every Job finishes.
                ActiveDeadlineSeconds = 120,
                Template = new PodTemplateSpec(new ObjectMeta { Labels = labels }, new PodSpec { RestartPolicy = RestartPolicy.Never, Containers = [dump] }),
            },
            new JobStatus());
    }

    private static string Run(int run) => run.ToString(CultureInfo.InvariantCulture);
}
