using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>An Ingress's class, default backend, rules and TLS hosts.</summary>
/// <param name="IngressClassName"><c>spec.ingressClassName</c>: the IngressClass whose controller serves this Ingress; admission sets the default class when null.</param>
/// <param name="DefaultBackend"><c>spec.defaultBackend</c>: where requests that no rule matches go; null for none.</param>
/// <param name="Rules"><c>spec.rules</c>: host and path routing.</param>
/// <param name="Tls"><c>spec.tls</c>: which hosts are served over TLS, and with which certificate.</param>
public sealed record IngressSpec(
    string? IngressClassName,
    IngressBackend? DefaultBackend,
    ValueList<IngressRule> Rules,
    ValueList<IngressTls> Tls);
