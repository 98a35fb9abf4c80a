using KubeKernel.Model;

namespace KubeKernel.Controllers;

/// <summary>A Kubernetes Event to record once a write succeeds; <c>{name}</c> in the message becomes the stored name.</summary>
/// <param name="InvolvedObject">The object the Event is about; null for the object the write stored (its UID is the server's).</param>
/// <param name="Reason">The Event's reason, e.g. <c>SuccessfulCreate</c>.</param>
/// <param name="Message">The Event's message.</param>
/// <param name="Type"><c>Normal</c> or <c>Warning</c>.</param>
/// <param name="Detail">Extra context for traces, not part of the Kubernetes Event.</param>
/// <param name="Source">The reporting component, when it is not the writer (the node controller reports a node the kubelet registered).</param>
public sealed record EventTemplate(ObjectRef? InvolvedObject, string Reason, string Message, string Type = "Normal", string? Detail = null, string? Source = null);
