using KubeKernel.Collections;

namespace KubeKernel.Kubelet;

/// <summary>What the kubelets remember outside the API: per pod, whether it was synced, probe counters and restart back-off.</summary>
internal sealed record KubeletMemory(ValueMap<string, PodRecord> Pods) : ControllerMemory
{
    public const string Controller = "kubelet";

    public static KubeletMemory Empty { get; } = new(default(ValueMap<string, PodRecord>));

    public static KubeletMemory Of(ClusterState state) => state.MemoryOf<KubeletMemory>(Controller) ?? Empty;

    /// <summary>The record for a pod, or a fresh one when the pod is new or was recreated under the same name.</summary>
    public PodRecord For(string podKey, string uid) =>
        Pods.TryGetValue(podKey, out var record) && record.Uid == uid ? record : PodRecord.New(uid);

    public KubeletMemory With(string podKey, PodRecord record) => new(Pods.SetItem(podKey, record));

    public KubeletMemory Without(string podKey) => new(Pods.Remove(podKey));
}
