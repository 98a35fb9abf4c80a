using k8s.Models;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Host;

/// <summary>One object the API serves: a kernel object, or an Event the server recorded from the kernel's commands.</summary>
internal sealed record ServedItem(ApiResource Resource, KubeObject? Object, Corev1Event? Event)
{
    public static ServedItem Of(ApiResource resource, KubeObject obj) => new(resource, obj, null);

    public static ServedItem Of(ApiResource resource, Corev1Event ev) => new(resource, null, ev);

    public string Namespace => Object?.Metadata.Namespace ?? Event!.Metadata.NamespaceProperty ?? string.Empty;

    public string Name => Object?.Metadata.Name ?? Event!.Metadata.Name;

    public IReadOnlyDictionary<string, string> Labels =>
        Object is not null ? Object.Metadata.Labels.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
        : (IReadOnlyDictionary<string, string>?)Event!.Metadata.Labels?.AsReadOnly() ?? new Dictionary<string, string>();

    /// <summary>The object in its wire model, as the API returns it.</summary>
    public object ToWire() => Object is not null ? KernelToWire.Map(Object) : Event!;
}
