namespace KubeKernel.Model;

/// <summary>An endpoint's ready, serving and terminating conditions.</summary>
/// <param name="Ready"><c>ready</c>: serving and not terminating, or always true when the Service sets <c>publishNotReadyAddresses</c>; consumers treat null as ready.</param>
/// <param name="Serving"><c>serving</c>: the pod's <c>Ready</c> condition, whether or not it is terminating, so traffic can drain to terminating pods.</param>
/// <param name="Terminating"><c>terminating</c>: the pod is being deleted.</param>
public sealed record EndpointConditions(bool? Ready, bool? Serving, bool? Terminating);
