using KubeKernel.Model;

namespace KubeKernel.Api.Validation;

/// <summary><c>ValidateJob</c>: counts, deadlines and a template whose restartPolicy is OnFailure or Never.</summary>
public static class JobValidation
{
    public static void Validate(FieldErrors errors, Job job)
    {
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
}
