using KubeKernel.Model;

namespace KubeKernel.Api.Validation;

/// <summary>Validates a pod spec (a Pod's or a workload template's) with Kubernetes' field paths and messages.</summary>
internal static class PodSpecValidation
{
    // A fresh array per use: a shared static array could be changed by any caller (KRN1003).
    private static string[] Protocols => ["SCTP", "TCP", "UDP"];

    public static void Validate(FieldErrors errors, PodSpec spec, string path, params RestartPolicy[] allowedRestartPolicies)
    {
        if (spec.Containers.IsEmpty)
        {
            errors.Required($"{path}.containers");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        ValidateContainers(errors, spec.InitContainers, $"{path}.initContainers", names, init: true);
        ValidateContainers(errors, spec.Containers, $"{path}.containers", names, init: false);

        if (allowedRestartPolicies.Length > 0 && !allowedRestartPolicies.Contains(spec.RestartPolicy))
        {
            errors.NotSupported($"{path}.restartPolicy", spec.RestartPolicy.ToString(),
                allowedRestartPolicies.Select(p => p.ToString()).Order(StringComparer.Ordinal).ToArray());
        }

        if (spec.TerminationGracePeriodSeconds is { } grace)
        {
            errors.NonNegative($"{path}.terminationGracePeriodSeconds", grace);
        }

        for (var i = 0; i < spec.Tolerations.Count; i++)
        {
            ValidateToleration(errors, spec.Tolerations[i], $"{path}.tolerations[{i}]");
        }
    }

    private static void ValidateContainers(FieldErrors errors, Collections.ValueList<Container> containers, string path, HashSet<string> names, bool init)
    {
        for (var i = 0; i < containers.Count; i++)
        {
            var c = containers[i];
            var at = $"{path}[{i}]";
            if (string.IsNullOrEmpty(c.Name))
            {
                errors.Required($"{at}.name");
            }
            else if (!NameValidation.IsDns1123Label(c.Name))
            {
                errors.Invalid($"{at}.name", c.Name, NameValidation.Dns1123LabelMessage);
            }
            else if (!names.Add(c.Name))
            {
                errors.Duplicate($"{at}.name", c.Name);
            }

            if (string.IsNullOrWhiteSpace(c.Image))
            {
                errors.Required($"{at}.image");
            }

            ValidateResources(errors, c.Resources, $"{at}.resources");
            for (var p = 0; p < c.Ports.Count; p++)
            {
                var port = c.Ports[p];
                if (port.ContainerPortNumber is < 1 or > 65535)
                {
                    errors.Invalid($"{at}.ports[{p}].containerPort", port.ContainerPortNumber, "must be between 1 and 65535, inclusive");
                }

                if (port.HostPort is { } hostPort && hostPort is < 1 or > 65535)
                {
                    errors.Invalid($"{at}.ports[{p}].hostPort", hostPort, "must be between 1 and 65535, inclusive");
                }

                if (!Protocols.Contains(port.Protocol))
                {
                    errors.NotSupported($"{at}.ports[{p}].protocol", port.Protocol, Protocols);
                }
            }

            if (!init || c.RestartPolicy == RestartPolicy.Always)
            {
                ValidateProbe(errors, c.StartupProbe, $"{at}.startupProbe", mustSucceedOnce: true);
                ValidateProbe(errors, c.LivenessProbe, $"{at}.livenessProbe", mustSucceedOnce: true);
                ValidateProbe(errors, c.ReadinessProbe, $"{at}.readinessProbe", mustSucceedOnce: false);
            }
        }
    }

    /// <summary><c>ValidateResourceRequirements</c>: limits first, then requests, as Kubernetes lists them. Extended resources
    /// (<c>nvidia.com/gpu</c>) are whole numbers and cannot be overcommitted, so a request needs a limit equal to it.</summary>
    private static void ValidateResources(FieldErrors errors, ResourceRequirements resources, string path)
    {
        foreach (var (name, q) in resources.Limits)
        {
            ValidateQuantity(errors, name, q, $"{path}.limits[{name}]");
        }

        foreach (var (name, q) in resources.Requests)
        {
            ValidateQuantity(errors, name, q, $"{path}.requests[{name}]");
            if (resources.Limits.TryGetValue(name, out var limit))
            {
                if (q.Amount != limit.Amount && !ResourceNames.IsOvercommitAllowed(name))
                {
                    errors.Invalid($"{path}.requests", q.ToString(), $"must be equal to {name} limit of {limit}");
                }
                else if (q.Amount > limit.Amount)
                {
                    errors.Invalid($"{path}.requests", q.ToString(), $"must be less than or equal to {name} limit of {limit}");
                }
            }
            else if (!ResourceNames.IsOvercommitAllowed(name))
            {
                errors.Required($"{path}.limits", "Limit must be set for non overcommitable resources");
            }
        }
    }

    /// <summary><c>ValidateResourceQuantityValue</c>: not negative, and whole for extended resources.</summary>
    private static void ValidateQuantity(FieldErrors errors, string name, Quantity q, string path)
    {
        if (q.Amount < 0)
        {
            errors.Invalid(path, q.ToString(), "must be greater than or equal to 0");
        }

        if (ResourceNames.IsInteger(name) && q.MilliValue % 1000 != 0)
        {
            errors.Invalid(path, q.ToString(), "must be an integer");
        }
    }

    private static void ValidateProbe(FieldErrors errors, Probe? probe, string path, bool mustSucceedOnce)
    {
        if (probe is null)
        {
            return;
        }

        errors.NonNegative($"{path}.initialDelaySeconds", probe.InitialDelaySeconds);
        Positive(errors, $"{path}.periodSeconds", probe.PeriodSeconds);
        Positive(errors, $"{path}.timeoutSeconds", probe.TimeoutSeconds);
        Positive(errors, $"{path}.successThreshold", probe.SuccessThreshold);
        Positive(errors, $"{path}.failureThreshold", probe.FailureThreshold);
        if (mustSucceedOnce && probe.SuccessThreshold != 1)
        {
            errors.Invalid($"{path}.successThreshold", probe.SuccessThreshold, "must be 1");
        }

        var handlers = (probe.Handler.HttpGet is null ? 0 : 1) + (probe.Handler.TcpSocketPort is null ? 0 : 1) + (probe.Handler.ExecCommand.IsEmpty ? 0 : 1);
        if (handlers == 0)
        {
            errors.Required(path, "must specify a handler type");
        }
        else if (handlers > 1)
        {
            errors.Forbidden(path, "may not specify more than 1 handler type");
        }
    }

    private static void ValidateToleration(FieldErrors errors, Toleration t, string path)
    {
        if (t.Operator == TolerationOperator.Exists && !string.IsNullOrEmpty(t.Value))
        {
            errors.Invalid($"{path}.operator", t.Value, "value must be empty when `operator` is 'Exists'");
        }

        if (t.Operator == TolerationOperator.Equal && string.IsNullOrEmpty(t.Key))
        {
            errors.Invalid($"{path}.operator", "Equal", "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
        }

        if (t.TolerationSeconds.HasValue && t.Effect != TaintEffect.NoExecute)
        {
            errors.Invalid($"{path}.effect", t.Effect?.ToString() ?? string.Empty, "effect must be 'NoExecute' when `tolerationSeconds` is set");
        }
    }

    private static void Positive(FieldErrors errors, string path, int value)
    {
        if (value < 1)
        {
            errors.Invalid(path, value, "must be greater than or equal to 1");
        }
    }
}
