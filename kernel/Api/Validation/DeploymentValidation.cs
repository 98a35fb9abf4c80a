using KubeKernel.Model;

namespace KubeKernel.Api.Validation;

/// <summary><c>ValidateDeployment</c>: spec fields, rolling-update parameters and the template.</summary>
internal static class DeploymentValidation
{
    public static void Validate(FieldErrors errors, Deployment d, Deployment? old)
    {
        NameValidation.ValidateObjectName(errors, d.Metadata.Name);
        var spec = d.Spec;
        errors.NonNegative("spec.replicas", spec.DesiredReplicas);
        TemplateValidation.ValidateSelector(errors, spec.Selector, spec.Template, "deployment");
        if (old?.Spec.Selector is { } oldSelector && spec.Selector is { } newSelector && oldSelector != newSelector)
        {
            errors.Invalid("spec.selector", new RawValue(newSelector.ToString()), "field is immutable");
        }

        PodSpecValidation.Validate(errors, spec.Template.Spec, "spec.template.spec", RestartPolicy.Always);
        errors.NonNegative("spec.minReadySeconds", spec.MinReadySeconds);
        if (spec.RevisionHistoryLimit is { } limit)
        {
            errors.NonNegative("spec.revisionHistoryLimit", limit);
        }

        if (spec.ProgressDeadlineSeconds is { } deadline)
        {
            errors.NonNegative("spec.progressDeadlineSeconds", deadline);
            if (deadline <= spec.MinReadySeconds)
            {
                errors.Invalid("spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds");
            }
        }

        ValidateStrategy(errors, spec.Strategy);
    }

    /// <summary><c>ValidateRollingUpdateDeployment</c>, including the both-zero rule.</summary>
    public static void ValidateStrategy(FieldErrors errors, DeploymentStrategy strategy)
    {
        if (strategy.Type == DeploymentStrategyType.Recreate)
        {
            if (strategy.RollingUpdate is not null)
            {
                errors.Forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'");
            }

            return;
        }

        if (strategy.RollingUpdate is not { } ru)
        {
            return;
        }

        var unavailable = ValidateIntOrPercent(errors, ru.MaxUnavailable, "spec.strategy.rollingUpdate.maxUnavailable");
        var surge = ValidateIntOrPercent(errors, ru.MaxSurge, "spec.strategy.rollingUpdate.maxSurge");
        if (unavailable == 0 && surge == 0)
        {
            // Kubernetes checks the values as given (percent or int), before scaling by replicas.
            errors.Invalid("spec.strategy.rollingUpdate.maxUnavailable", ru.MaxUnavailable, "may not be 0 when `maxSurge` is 0");
        }

        if (ru.MaxUnavailable is { StringValue: not null } && unavailable > 100)
        {
            errors.Invalid("spec.strategy.rollingUpdate.maxUnavailable", ru.MaxUnavailable, "must not be greater than 100%");
        }
    }

    /// <summary>Returns the given number (int or percent) or -1 when invalid or absent.</summary>
    private static int ValidateIntOrPercent(FieldErrors errors, IntOrString? value, string path)
    {
        if (value is not { } v)
        {
            return -1;
        }

        if (v.IntValue is { } i)
        {
            errors.NonNegative(path, i);
            return i;
        }

        var s = v.StringValue ?? string.Empty;
        if (!s.EndsWith('%') || !int.TryParse(s.AsSpan(0, s.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var percent))
        {
            errors.Invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')");
            return -1;
        }

        return percent;
    }
}
