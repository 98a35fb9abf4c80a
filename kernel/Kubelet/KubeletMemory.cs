using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Kubelet;

/// <summary>What the kubelets remember outside the API: per pod, whether it was synced, probe counters and restart back-off.</summary>
/// <remarks>
/// <see cref="Waiters"/> indexes the pods held back by a missing ConfigMap or Secret (or key) by that object, so that a
/// write of it wakes exactly those pods; it follows each pod record's <see cref="PodRecord.WaitingFor"/>.
/// </remarks>
internal sealed record KubeletMemory(ValueMap<string, PodRecord> Pods) : ControllerMemory
{
    public const string Controller = "kubelet";

    public static KubeletMemory Empty { get; } = new(default(ValueMap<string, PodRecord>));

    /// <summary>Pod keys by the ConfigMap or Secret they wait for.</summary>
    public ValueMap<ObjectKey, ValueList<string>> Waiters { get; init; }

    public static KubeletMemory Of(ClusterState state) => state.MemoryOf<KubeletMemory>(Controller) ?? Empty;

    /// <summary>The record for a pod, or a fresh one when the pod is new or was recreated under the same name.</summary>
    public PodRecord For(string podKey, string uid) =>
        Pods.TryGetValue(podKey, out var record) && record.Uid == uid ? record : PodRecord.New(uid);

    public KubeletMemory With(string podKey, PodRecord record) =>
        new(Pods.SetItem(podKey, record)) { Waiters = Rewait(podKey, record.WaitingFor) };

    public KubeletMemory Without(string podKey) => new(Pods.Remove(podKey)) { Waiters = Rewait(podKey, default) };

    /// <summary>The pods waiting for the object <paramref name="key"/> names, in key order.</summary>
    public ValueList<string> WaitingOn(ObjectKey key) => Waiters.GetValueOrDefault(key);

    /// <summary>The index with <paramref name="podKey"/> under exactly the objects of <paramref name="waitingFor"/>.</summary>
    private ValueMap<ObjectKey, ValueList<string>> Rewait(string podKey, ValueList<ObjectKey> waitingFor)
    {
        var before = Pods.GetValueOrDefault(podKey)?.WaitingFor ?? default;
        if (before == waitingFor)
        {
            return Waiters;
        }

        var waiters = Waiters;
        foreach (var old in before)
        {
            var pods = waiters.GetValueOrDefault(old).RemoveAll(p => p == podKey);
            waiters = pods.IsEmpty ? waiters.Remove(old) : waiters.SetItem(old, pods);
        }

        foreach (var key in waitingFor)
        {
            var pods = waiters.GetValueOrDefault(key);
            waiters = waiters.SetItem(key, pods.Contains(podKey) ? pods : pods.Add(podKey));
        }

        return waiters;
    }
}
