namespace KubeKernel.Model;

/// <summary>An endpoint's ready, serving and terminating conditions.</summary>
public sealed record EndpointConditions(bool? Ready, bool? Serving, bool? Terminating);
