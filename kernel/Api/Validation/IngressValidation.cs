using KubeKernel.Model;
using KubeKernel.Networking;

namespace KubeKernel.Api.Validation;

/// <summary><c>ValidateIngressSpec</c> (networking/v1): rules or a default backend, hosts, path types and paths, backends, TLS hosts.</summary>
internal static class IngressValidation
{
    public const string ClassAnnotation = "kubernetes.io/ingress.class";

    public const string WildcardMessage =
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private static string[] PathTypes => [IngressMatching.Exact, IngressMatching.ImplementationSpecific, IngressMatching.Prefix];

    public static void Validate(FieldErrors errors, Ingress ingress)
    {
        NameValidation.ValidateObjectName(errors, ingress.Metadata.Name);
        var spec = ingress.Spec;
        if (spec.Rules.IsEmpty && spec.DefaultBackend is null)
        {
            errors.Invalid("spec", new RawValue("{}"), "either `defaultBackend` or `rules` must be specified");
        }

        if (spec.DefaultBackend is { } fallback)
        {
            ValidateBackend(errors, "spec.defaultBackend", fallback);
        }

        for (var i = 0; i < spec.Rules.Count; i++)
        {
            var rule = spec.Rules[i];
            var at = $"spec.rules[{i}]";
            if (!string.IsNullOrEmpty(rule.Host))
            {
                ValidateHost(errors, $"{at}.host", rule.Host);
            }

            if (rule.Paths.IsEmpty)
            {
                errors.Required($"{at}.http.paths");
            }

            for (var j = 0; j < rule.Paths.Count; j++)
            {
                ValidatePath(errors, $"{at}.http.paths[{j}]", rule.Paths[j]);
            }
        }

        for (var i = 0; i < spec.Tls.Count; i++)
        {
            for (var j = 0; j < spec.Tls[i].Hosts.Count; j++)
            {
                ValidateHost(errors, $"spec.tls[{i}].hosts[{j}]", spec.Tls[i].Hosts[j]);
            }
        }

        if (spec.IngressClassName is { } className)
        {
            if (!NameValidation.IsDns1123Subdomain(className))
            {
                errors.Invalid("spec.ingressClassName", className, NameValidation.Dns1123SubdomainMessage);
            }

            if (ingress.Metadata.Annotations.TryGetValue(ClassAnnotation, out var annotated))
            {
                errors.Invalid($"annotations.{ClassAnnotation}", annotated, "can not be set when the class field is also set");
            }
        }
    }

    /// <summary>A host is a DNS subdomain or a <c>*.</c> wildcard one, never an IP address.</summary>
    private static void ValidateHost(FieldErrors errors, string path, string host)
    {
        if (IPv4.TryParse(host, out _))
        {
            errors.Invalid(path, host, "must be a DNS name, not an IP address");
        }
        else if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            if (!NameValidation.IsDns1123Subdomain(host[2..]))
            {
                errors.Invalid(path, host, WildcardMessage);
            }
        }
        else if (!NameValidation.IsDns1123Subdomain(host))
        {
            errors.Invalid(path, host, NameValidation.Dns1123SubdomainMessage);
        }
    }

    private static void ValidatePath(FieldErrors errors, string at, HttpIngressPath path)
    {
        if (string.IsNullOrEmpty(path.PathType))
        {
            errors.Required($"{at}.pathType", "pathType must be specified");
        }
        else if (!PathTypes.Contains(path.PathType))
        {
            errors.NotSupported($"{at}.pathType", path.PathType, PathTypes);
        }
        else if (path.PathType is IngressMatching.Exact or IngressMatching.Prefix)
        {
            if (!path.Path.StartsWith('/'))
            {
                errors.Invalid($"{at}.path", path.Path, "must be an absolute path");
            }
            else
            {
                foreach (var invalid in new[] { "//", "/./", "/../", "%2f", "%2F" })
                {
                    if (path.Path.Contains(invalid, StringComparison.Ordinal))
                    {
                        errors.Invalid($"{at}.path", path.Path, $"must not contain '{invalid}'");
                    }
                }

                foreach (var suffix in new[] { "/..", "/." })
                {
                    if (path.Path.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        errors.Invalid($"{at}.path", path.Path, $"cannot end with '{suffix}'");
                    }
                }
            }
        }
        else if (path.Path.Length > 0 && !path.Path.StartsWith('/'))
        {
            errors.Invalid($"{at}.path", path.Path, "must be an absolute path");
        }

        ValidateBackend(errors, $"{at}.backend", path.Backend);
    }

    private static void ValidateBackend(FieldErrors errors, string at, IngressBackend backend)
    {
        var hasService = backend.ServiceName is not null || backend.ServicePort is not null;
        if (hasService && backend.Resource is not null)
        {
            errors.Invalid(at, new RawValue("\"\""), "cannot set both resource and service backends");
            return;
        }

        if (!hasService)
        {
            if (backend.Resource is null)
            {
                errors.Invalid(at, new RawValue("\"\""), "resource or service backend is required");
            }

            return;
        }

        if (string.IsNullOrEmpty(backend.ServiceName))
        {
            errors.Required($"{at}.service.name");
        }
        else if (!NameValidation.IsDns1035Label(backend.ServiceName))
        {
            errors.Invalid($"{at}.service.name", backend.ServiceName, NameValidation.Dns1035LabelMessage);
        }

        if (backend.ServicePort is not { } port || (port.IntValue is null && string.IsNullOrEmpty(port.StringValue)))
        {
            errors.Required($"{at}.service.port", "port name or number is required");
        }
        else if (port.IntValue is { } number && number is < 1 or > 65535)
        {
            errors.Invalid($"{at}.service.port.number", number, "must be between 1 and 65535, inclusive");
        }
        else if (port.StringValue is { } name)
        {
            foreach (var message in ServiceValidation.PortNameErrors(name))
            {
                errors.Invalid($"{at}.service.port.name", name, message);
            }
        }
    }
}
