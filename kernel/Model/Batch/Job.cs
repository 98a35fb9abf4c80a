namespace KubeKernel.Model;

/// <summary>A Job: runs pods to completion.</summary>
/// <param name="Metadata">The Job's metadata; its pods carry its owner reference and <c>batch.kubernetes.io/controller-uid</c> and <c>job-name</c> labels.</param>
/// <param name="Spec">The desired state: counts, limits, failure policy and pod template.</param>
/// <param name="Status">The observed state, written by the Job controller.</param>
public sealed record Job(ObjectMeta Metadata, JobSpec Spec, JobStatus Status) : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.Job;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.Job;

    /// <inheritdoc/>
    public override object? SpecValue => Spec;

    /// <inheritdoc/>
    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((Job)source).Status };
}
