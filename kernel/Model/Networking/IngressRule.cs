using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A host (exact or <c>*.</c> wildcard; empty for all hosts) and its HTTP paths.</summary>
/// <param name="Host"><c>host</c>: an exact name, or <c>*.example.com</c> matching exactly one leading label; null or empty matches every host.</param>
/// <param name="Paths"><c>http.paths</c>: the paths for this host, each with its backend.</param>
public sealed record IngressRule(string? Host, ValueList<HttpIngressPath> Paths);
