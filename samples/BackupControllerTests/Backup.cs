using KubeKernel.Model;

namespace BackupControllerTests;

/// <summary>A custom kind, <c>backups.example.com/v1</c>: take <c>spec.runs</c> backups, one every <c>spec.intervalSeconds</c>, each by a Job.</summary>
/// <remarks>Run <c>n</c> is due <c>n × intervalSeconds</c> after the Backup was created; <c>status.jobsCreated</c> counts the Jobs made so far.</remarks>
public sealed record Backup(ObjectMeta Metadata, BackupSpec Spec, BackupStatus Status) : KubeObject(Metadata), IKind
{
    public static readonly KindInfo Backups = new("Backup", "example.com", "v1", "backups", Namespaced: true);

    public static KindInfo KindInfo => Backups;

    public override KindInfo Info => Backups;

    // A change of spec bumps metadata.generation; the status subresource carries the rest.
    public override object? SpecValue => Spec;

    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((Backup)source).Status };

    /// <summary>When run <paramref name="run"/> is due, in the cluster's logical milliseconds.</summary>
    public long DueAt(int run) => Metadata.CreationTimestamp + (run * Spec.IntervalSeconds * 1000L);
}

/// <summary>How many backups to take and how far apart.</summary>
public sealed record BackupSpec(int Runs, int IntervalSeconds);

/// <summary>What the controller has done: the Jobs it created.</summary>
public sealed record BackupStatus(int JobsCreated = 0);
