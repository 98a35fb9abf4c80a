using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>An Ingress's class, default backend, rules and TLS hosts.</summary>
public sealed record IngressSpec(
    string? IngressClassName,
    IngressBackend? DefaultBackend,
    ValueList<IngressRule> Rules,
    ValueList<IngressTls> Tls);
