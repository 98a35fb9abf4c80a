using KubeKernel.Model;

namespace KubeKernel.Api.Validation;

/// <summary><c>ValidateJob</c>: counts, deadlines and a template whose restartPolicy is OnFailure or Never; on update <c>ValidateJobSpecUpdate</c>'s immutable fields.</summary>
internal static class JobValidation
{
    public static void Validate(FieldErrors errors, Job job, Job? old)
    {
        if (old is not null)
        {
            ValidateUpdate(errors, job.Spec, old.Spec);
        }

        NameValidation.ValidateObjectName(errors, job.Metadata.Name);
        var spec = job.Spec;
        if (spec.Parallelism is { } p)
        {
            errors.NonNegative("spec.parallelism", p);
        }

        if (spec.Completions is { } c)
        {
            errors.NonNegative("spec.completions", c);
        }

        if (spec.BackoffLimit is { } b)
        {
            errors.NonNegative("spec.backoffLimit", b);
        }

        if (spec.ActiveDeadlineSeconds is { } a && a <= 0)
        {
            errors.Invalid("spec.activeDeadlineSeconds", a, "must be greater than 0");
        }

        if (spec.TtlSecondsAfterFinished is { } ttl)
        {
            errors.NonNegative("spec.ttlSecondsAfterFinished", ttl);
        }

        if (spec.CompletionMode == CompletionMode.Indexed && spec.Completions is null)
        {
            errors.Required("spec.completions", "when completion mode is Indexed");
        }

        if (spec.Selector is { } selector && !selector.Matches(spec.Template.Metadata.Labels))
        {
            errors.Invalid("spec.template.metadata.labels", new RawValue(TemplateValidation.RenderLabels(spec.Template.Metadata.Labels)), "`selector` does not match template `labels`");
        }

        PodSpecValidation.Validate(errors, spec.Template.Spec, "spec.template.spec", RestartPolicy.OnFailure, RestartPolicy.Never);
        if (spec.PodFailurePolicy is not null && spec.Template.Spec.RestartPolicy != RestartPolicy.Never)
        {
            errors.Invalid("spec.template.spec.restartPolicy", spec.Template.Spec.RestartPolicy.ToString(), "only \"Never\" is supported when podFailurePolicy is specified");
        }
    }

    /// <summary>
    /// <c>validateCompletions</c> and the immutable completionMode: a NonIndexed Job's completions never change (its
    /// controller's arithmetic, and the succeeded ≤ completions promise, rest on it); an Indexed Job's may change only
    /// together with parallelism (elastic Indexed Jobs).
    /// </summary>
    private static void ValidateUpdate(FieldErrors errors, JobSpec spec, JobSpec old)
    {
        if (spec.Completions != old.Completions)
        {
            if (spec.CompletionMode != CompletionMode.Indexed)
            {
                errors.Invalid("spec.completions", spec.Completions, "field is immutable");
            }
            else if (spec.Completions is { } completions && completions != spec.Parallelism)
            {
                errors.Invalid("spec.completions", completions, "can only be modified in tandem with spec.parallelism");
            }
        }

        if (spec.CompletionMode != old.CompletionMode)
        {
            errors.Invalid("spec.completionMode", spec.CompletionMode.ToString(), "field is immutable");
        }
    }
}
