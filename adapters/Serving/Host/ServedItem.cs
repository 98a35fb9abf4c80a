using System.Text.Json.Nodes;
using k8s.Models;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Host;

/// <summary>One object the API serves: a kernel object (with its managedFields), or an Event the server recorded from the kernel's commands.</summary>
internal sealed record ServedItem(ApiResource Resource, KubeObject? Object, Corev1Event? Event, string? ManagedFields = null)
{
    public static ServedItem Of(ApiResource resource, KubeObject obj, ManagedFields managed) => new(resource, obj, null, managed.For(obj.Metadata.Uid));

    public static ServedItem Of(ApiResource resource, Corev1Event ev) => new(resource, null, ev);

    public string Namespace => Object?.Metadata.Namespace ?? Event!.Metadata.NamespaceProperty ?? string.Empty;

    public string Name => Object?.Metadata.Name ?? Event!.Metadata.Name;

    public IReadOnlyDictionary<string, string> Labels =>
        Object is not null ? Object.Metadata.Labels.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
        : (IReadOnlyDictionary<string, string>?)Event!.Metadata.Labels?.AsReadOnly() ?? new Dictionary<string, string>();

    /// <summary>The object as the API returns it and the stores keep it: its wire JSON with its managedFields.</summary>
    public JsonNode ToJson() => Object is not null
        ? Host.ManagedFields.With(WireCodec.ToNode(KernelToWire.Map(Object)), ManagedFields)
        : WireCodec.ToNode(Event!);

    /// <summary><see cref="ToJson"/> as text, without building a JSON tree when there are no managedFields to add.</summary>
    public string ToJsonText() => ManagedFields is null ? WireCodec.Serialize(Object is not null ? KernelToWire.Map(Object) : Event!) : ToJson().ToJsonString();
}
