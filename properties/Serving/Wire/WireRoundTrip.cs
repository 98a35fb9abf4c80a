using k8s;
using k8s.Models;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Model;

namespace KubeKernel.Properties.Serving.Wire;

/// <summary>The two round trips the API server relies on: kernel → wire model → kernel, and kernel → JSON text → kernel.</summary>
public static class WireRoundTrip
{
    /// <summary>What is wrong with <paramref name="obj"/>'s round trips (the object, the trip and the first differing field), or null when both are exact.</summary>
    public static string? Failure(KubeObject obj)
    {
        var wire = KernelToWire.Map(obj);
        if (StructuralDiff.Find(obj, WireToKernel.MapStored(wire)) is { } viaWire)
        {
            return $"{obj.Key} does not survive the wire model: {viaWire}";
        }

        var json = KubernetesJson.Serialize(wire);
        var parsed = Deserialize(wire, json);
        if (StructuralDiff.Find(obj, WireToKernel.MapStored(parsed)) is { } viaJson)
        {
            return $"{obj.Key} does not survive its JSON text: {viaJson}\n{json}";
        }

        var again = KubernetesJson.Serialize(parsed);
        return again == json ? null : $"{obj.Key} reads back to other JSON text:\n{json}\n{again}";
    }

    /// <summary>Reads <paramref name="json"/> as the wire type of <paramref name="wire"/>, as the API server reads a stored object.</summary>
    public static object Deserialize(object wire, string json) => wire switch
    {
        V1Namespace => KubernetesJson.Deserialize<V1Namespace>(json),
        V1Node => KubernetesJson.Deserialize<V1Node>(json),
        V1Pod => KubernetesJson.Deserialize<V1Pod>(json),
        V1Service => KubernetesJson.Deserialize<V1Service>(json),
        V1ServiceAccount => KubernetesJson.Deserialize<V1ServiceAccount>(json),
        V1ReplicaSet => KubernetesJson.Deserialize<V1ReplicaSet>(json),
        V1Deployment => KubernetesJson.Deserialize<V1Deployment>(json),
        V1Job => KubernetesJson.Deserialize<V1Job>(json),
        V1EndpointSlice => KubernetesJson.Deserialize<V1EndpointSlice>(json),
        V1Ingress => KubernetesJson.Deserialize<V1Ingress>(json),
        V1IngressClass => KubernetesJson.Deserialize<V1IngressClass>(json),
        V1PriorityClass => KubernetesJson.Deserialize<V1PriorityClass>(json),
        V1PersistentVolume => KubernetesJson.Deserialize<V1PersistentVolume>(json),
        V1PersistentVolumeClaim => KubernetesJson.Deserialize<V1PersistentVolumeClaim>(json),
        V1ConfigMap => KubernetesJson.Deserialize<V1ConfigMap>(json),
        V1Secret => KubernetesJson.Deserialize<V1Secret>(json),
        _ => throw new ArgumentOutOfRangeException(nameof(wire), wire.GetType().Name, "not a kind the kernel stores"),
    };
}
