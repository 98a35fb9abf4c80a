namespace KubeKernel.Model;

/// <summary>A Job's desired state; nullable fields are filled by defaulting.</summary>
public sealed record JobSpec
{
    public int? Parallelism { get; init; }

    public int? Completions { get; init; }

    public int? BackoffLimit { get; init; }

    public long? ActiveDeadlineSeconds { get; init; }

    public CompletionMode CompletionMode { get; init; } = CompletionMode.NonIndexed;

    public bool Suspend { get; init; }

    public int? TtlSecondsAfterFinished { get; init; }

    public PodFailurePolicy? PodFailurePolicy { get; init; }

    public LabelSelector? Selector { get; init; }

    public bool? ManualSelector { get; init; }

    public PodTemplateSpec Template { get; init; } = new(new ObjectMeta(), new PodSpec { RestartPolicy = RestartPolicy.Never });
}
