namespace KubeKernel.Model;

/// <summary>A Job: runs pods to completion.</summary>
public sealed record Job(ObjectMeta Metadata, JobSpec Spec, JobStatus Status) : KubeObject(Metadata), IKind
{
    public static KindInfo KindInfo => Kinds.Job;

    public override KindInfo Info => Kinds.Job;

    public override object? SpecValue => Spec;

    public override KubeObject WithStatusOf(KubeObject source) => this with { Status = ((Job)source).Status };
}
