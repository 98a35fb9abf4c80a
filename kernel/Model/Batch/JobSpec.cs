namespace KubeKernel.Model;

/// <summary>A Job's desired state; nullable fields are filled by defaulting.</summary>
public sealed record JobSpec
{
    /// <summary><c>spec.parallelism</c>: at most this many pods run at once; defaulted to 1, and 0 creates no pods.</summary>
    public int? Parallelism { get; init; }

    /// <summary><c>spec.completions</c>: successful pods needed; defaulted to 1 when parallelism is unset too. Null with parallelism set is work-queue mode: done once any pod succeeds and the rest have finished.</summary>
    public int? Completions { get; init; }

    /// <summary><c>spec.backoffLimit</c>: the Job fails (<c>BackoffLimitExceeded</c>) once more pods than this have failed; defaulted to 6.</summary>
    public int? BackoffLimit { get; init; }

    /// <summary><c>spec.activeDeadlineSeconds</c>: seconds from <c>status.startTime</c> after which the Job fails (<c>DeadlineExceeded</c>) and its pods are deleted, whatever <see cref="BackoffLimit"/> says; null for no deadline.</summary>
    public long? ActiveDeadlineSeconds { get; init; }

    /// <summary><c>spec.completionMode</c>: <c>NonIndexed</c> by default; immutable.</summary>
    public CompletionMode CompletionMode { get; init; } = CompletionMode.NonIndexed;

    /// <summary><c>spec.suspend</c>: while true the controller deletes the Job's active pods and creates none, and the deadline clock stops.</summary>
    public bool Suspend { get; init; }

    /// <summary><c>spec.ttlSecondsAfterFinished</c>: seconds after the Job finishes (<c>Complete</c> or <c>Failed</c>) before it is deleted with its pods; null never, 0 at once.</summary>
    public int? TtlSecondsAfterFinished { get; init; }

    /// <summary><c>spec.podFailurePolicy</c>: rules deciding how a failed pod counts; requires the template's <c>restartPolicy: Never</c>. Null: every failure counts against <see cref="BackoffLimit"/>.</summary>
    public PodFailurePolicy? PodFailurePolicy { get; init; }

    /// <summary><c>spec.selector</c>: ownerless pods it matches are adopted; must match the template's labels. Null: the Job tracks only the pods it owns.</summary>
    public LabelSelector? Selector { get; init; }

    /// <summary><c>spec.manualSelector</c>: true when the user wrote <see cref="Selector"/> instead of letting Kubernetes derive one from the Job's uid; carried as given.</summary>
    public bool? ManualSelector { get; init; }

    /// <summary><c>spec.template</c>: the pods the Job runs; <c>restartPolicy</c> must be <c>OnFailure</c> or <c>Never</c> (<c>Never</c> in the default template).</summary>
    public PodTemplateSpec Template { get; init; } = new(new ObjectMeta(), new PodSpec { RestartPolicy = RestartPolicy.Never });
}
