using KubeKernel.Model;

namespace KubeKernel.Api.Validation;

/// <summary><c>ValidateService</c> (the rules the kernel needs so far): name, ports and their names.</summary>
public static class ServiceValidation
{
    // A fresh array per use: a shared static array could be changed by any caller (KRN1003).
    private static string[] Protocols => ["SCTP", "TCP", "UDP"];

    public static void Validate(FieldErrors errors, Service svc)
    {
        NameValidation.ValidateObjectName(errors, svc.Metadata.Name, dns1035: true);
        var spec = svc.Spec;
        if (spec.Type == ServiceType.ExternalName)
        {
            if (string.IsNullOrEmpty(spec.ExternalName))
            {
                errors.Required("spec.externalName");
            }
            else if (!NameValidation.IsDns1123Subdomain(spec.ExternalName))
            {
                errors.Invalid("spec.externalName", spec.ExternalName, NameValidation.Dns1123SubdomainMessage);
            }

            return;
        }

        if (spec.Ports.IsEmpty && !spec.IsHeadless)
        {
            errors.Required("spec.ports");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var portProtocols = new HashSet<(int, string)>();
        for (var i = 0; i < spec.Ports.Count; i++)
        {
            var p = spec.Ports[i];
            var at = $"spec.ports[{i}]";
            if (spec.Ports.Count > 1 && string.IsNullOrEmpty(p.Name))
            {
                errors.Required($"{at}.name");
            }
            else if (!string.IsNullOrEmpty(p.Name) && !names.Add(p.Name))
            {
                errors.Duplicate($"{at}.name", p.Name);
            }

            if (p.Port is < 1 or > 65535)
            {
                errors.Invalid($"{at}.port", p.Port, "must be between 1 and 65535, inclusive");
            }

            if (!Protocols.Contains(p.Protocol))
            {
                errors.NotSupported($"{at}.protocol", p.Protocol, Protocols);
            }
            else if (!portProtocols.Add((p.Port, p.Protocol)))
            {
                errors.Duplicate(at, new RawValue($"core.ServicePort{{Name:\"{p.Name}\", Protocol:\"{p.Protocol}\", Port:{p.Port}}}"));
            }

            if (p.TargetPort.IntValue is { } target && target is < 1 or > 65535)
            {
                errors.Invalid($"{at}.targetPort", target, "must be between 1 and 65535, inclusive");
            }

            if (p.NodePort is not null && spec.Type == ServiceType.ClusterIP)
            {
                errors.Forbidden($"{at}.nodePort", "may not be used when `type` is 'ClusterIP'");
            }
        }
    }
}
