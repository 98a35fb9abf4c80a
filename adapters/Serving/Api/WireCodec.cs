using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Api;

/// <summary>Objects as Kubernetes JSON, through the official wire models: what the API serves and the stores keep.</summary>
internal static class WireCodec
{
    private static readonly MethodInfo DeserializeMethod = typeof(KubernetesJson).GetMethod(
        nameof(KubernetesJson.Deserialize), [typeof(string), typeof(JsonSerializerOptions)])!;

    private static readonly ConcurrentDictionary<Type, Func<string, object?>> Readers = new();

    public static string Serialize(object wire) => KubernetesJson.Serialize(wire);

    public static JsonNode ToNode(object wire) => JsonNode.Parse(Serialize(wire))!;

    public static string Serialize(KubeObject obj) => Serialize(KernelToWire.Map(obj));

    /// <summary>Reads <paramref name="json"/> into the wire model <paramref name="type"/> (KubernetesClient's own settings).</summary>
    public static object? Deserialize(string json, Type type) =>
        Readers.GetOrAdd(type, t =>
        {
            var method = DeserializeMethod.MakeGenericMethod(t);
            return text => method.Invoke(null, [text, null]);
        })(json);

    /// <summary>A stored object back into the kernel's model (null for a kind this build no longer has).</summary>
    public static KubeObject? ReadStored(string json)
    {
        var node = JsonNode.Parse(json);
        var apiVersion = node?["apiVersion"]?.GetValue<string>() ?? string.Empty;
        var kind = node?["kind"]?.GetValue<string>() ?? string.Empty;
        return ManifestReader.WireType(apiVersion, kind) is { } type && Deserialize(json, type) is { } wire ? WireToKernel.MapStored(wire) : null;
    }

    public static Corev1Event ReadEvent(string json) => KubernetesJson.Deserialize<Corev1Event>(json);
}
