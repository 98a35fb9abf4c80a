using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>TLS hosts and the secret holding their certificate.</summary>
/// <param name="Hosts"><c>hosts</c>: the host names the certificate covers, matched against the rules' hosts.</param>
/// <param name="SecretName"><c>secretName</c>: the Secret holding the certificate and key; null leaves the choice to the ingress controller.</param>
public sealed record IngressTls(ValueList<string> Hosts, string? SecretName);
