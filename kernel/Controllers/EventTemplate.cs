using KubeKernel.Model;

namespace KubeKernel.Controllers;

/// <summary>A Kubernetes Event to record once a write succeeds; <c>{name}</c> in the message becomes the stored name.</summary>
public sealed record EventTemplate(ObjectRef InvolvedObject, string Reason, string Message, string Type = "Normal", string? Detail = null);
