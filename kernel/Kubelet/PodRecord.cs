using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Kubelet;

/// <summary>A kubelet's memory of one pod: synced to the runtime, stop requested, and per-container state.</summary>
internal sealed record PodRecord(string Uid, bool Synced, bool StopSent, ValueMap<string, ContainerRecord> Containers)
{
    public static PodRecord New(string uid) => new(uid, false, false, default);

    /// <summary>Whether the kubelet has reported (<c>NetworkNotReady</c>) that it cannot start the pod: its node has no pod network.</summary>
    public bool NetworkNotReadyReported { get; init; }

    /// <summary>For a pod with init containers: the containers the kubelet last asked the runtime to run, so that it asks again when the pod moves on.</summary>
    public ValueList<string> Wanted { get; init; }

    /// <summary>The <c>FailedMount</c> message last reported for the pod, so a retry that fails the same way reports nothing new.</summary>
    public string? MountFailureReported { get; init; }

    /// <summary>The ConfigMaps and Secrets whose absence (or missing key) holds the pod or one of its containers back.</summary>
    public ValueList<ObjectKey> WaitingFor { get; init; }

    public ContainerRecord Container(string name) => Containers.GetValueOrDefault(name) ?? ContainerRecord.Initial;

    public PodRecord WithContainer(string name, ContainerRecord record) => this with { Containers = Containers.SetItem(name, record) };
}
