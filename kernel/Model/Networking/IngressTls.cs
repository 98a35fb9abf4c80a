using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>TLS hosts and the secret holding their certificate.</summary>
public sealed record IngressTls(ValueList<string> Hosts, string? SecretName);
