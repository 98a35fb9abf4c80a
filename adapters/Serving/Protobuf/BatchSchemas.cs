namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>Schemas for k8s.io/api batch/v1 Job.</summary>
/// <remarks>
/// Field numbers from api/batch/v1/generated.proto. Every JobSpec scalar is a Go pointer, so all keep their zeros
/// (<c>backoffLimit: 0</c> means "never retry"). podFailurePolicy and successPolicy are not covered and are skipped.
/// </remarks>
internal static class BatchSchemas
{
    public static readonly MessageSchema JobSpec = new("JobSpec",
        Field.Int32(1, "parallelism", keepsZero: true),
        Field.Int32(2, "completions", keepsZero: true),
        Field.Int64(3, "activeDeadlineSeconds", keepsZero: true),
        Field.Message(4, "selector", MetaSchemas.LabelSelector),
        Field.Bool(5, "manualSelector", keepsZero: true),
        Field.Message(6, "template", CoreSchemas.PodTemplateSpec),
        Field.Int32(7, "backoffLimit", keepsZero: true),
        Field.Int32(8, "ttlSecondsAfterFinished", keepsZero: true),
        Field.String(9, "completionMode", keepsZero: true),
        Field.Bool(10, "suspend", keepsZero: true),
        Field.Int32(12, "backoffLimitPerIndex", keepsZero: true),
        Field.Int32(13, "maxFailedIndexes", keepsZero: true),
        Field.String(14, "podReplacementPolicy", keepsZero: true),
        Field.String(15, "managedBy", keepsZero: true));

    public static readonly MessageSchema Job = new("Job",
        Field.Message(1, "metadata", MetaSchemas.ObjectMeta),
        Field.Message(2, "spec", JobSpec),
        Field.Message(3, "status", new MessageSchema("JobStatus")));
}
