using KubeKernel.Model;

namespace KubeKernel.Api.Validation;

/// <summary>Checks a workload's selector and template labels the way apps/v1 and batch/v1 do.</summary>
internal static class TemplateValidation
{
    public static void ValidateSelector(FieldErrors errors, LabelSelector? selector, PodTemplateSpec template, string kindLower)
    {
        if (selector is null)
        {
            errors.Required("spec.selector");
            return;
        }

        if (selector.IsEmpty)
        {
            errors.Invalid("spec.selector", new RawValue("{}"), $"empty selector is invalid for {kindLower}");
            return;
        }

        foreach (var e in selector.MatchExpressions)
        {
            if ((e.Operator is LabelSelectorOperator.In or LabelSelectorOperator.NotIn) && e.Values.IsEmpty)
            {
                errors.Required("spec.selector.matchExpressions.values", "must be specified when `operator` is 'In' or 'NotIn'");
            }
        }

        if (!selector.Matches(template.Metadata.Labels))
        {
            errors.Invalid("spec.template.metadata.labels", new RawValue(RenderLabels(template.Metadata.Labels)), "`selector` does not match template `labels`");
        }
    }

    /// <summary>Go's <c>%#v</c> of a label map, as Kubernetes prints it in this message.</summary>
    public static string RenderLabels(Collections.ValueMap<string, string> labels) =>
        "map[string]string{" + string.Join(", ", labels.Select(l => $"\"{l.Key}\":\"{l.Value}\"")) + "}";
}
