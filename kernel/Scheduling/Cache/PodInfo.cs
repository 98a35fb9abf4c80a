using System.Collections.Immutable;
using KubeKernel.Model;

namespace KubeKernel.Scheduling;

/// <summary>A pod as the scheduler keeps it (<c>framework.PodInfo</c>): the object plus what every cycle would otherwise recompute.</summary>
/// <remarks>Requests, priority, affinity terms and host ports are computed once per pod change, not once per node per cycle.</remarks>
public sealed class PodInfo
{
    private static readonly ImmutableArray<AffinityTerm> NoTerms = [];
    private static readonly ImmutableArray<WeightedAffinityTerm> NoWeightedTerms = [];
    private static readonly ImmutableArray<HostPort> NoPorts = [];

    private string? labelGroupKey;
    private string? affinityGroupKey;

    private PodInfo(Pod pod)
    {
        Pod = pod;
        Key = pod.Key;
        Requests = PodResources.Requests(pod.Spec);
        NonZeroRequests = PodResources.NonZeroRequests(pod.Spec);
        Priority = pod.Spec.Priority ?? 0;
        var affinity = pod.Spec.Affinity;
        HasPodAffinity = affinity is { PodAffinity: not null } or { PodAntiAffinity: not null };
        RequiredAffinityTerms = Terms(pod, affinity?.PodAffinity);
        RequiredAntiAffinityTerms = Terms(pod, affinity?.PodAntiAffinity);
        PreferredAffinityTerms = Weighted(pod, affinity?.PodAffinity);
        PreferredAntiAffinityTerms = Weighted(pod, affinity?.PodAntiAffinity);
        HostPorts = Ports(pod.Spec);
    }

    /// <summary>The pod object; set only on a fresh copy, by <see cref="Refreshed"/>.</summary>
    public Pod Pod { get; private set; }

    /// <summary>The pod's key (kind, namespace, name), the order <see cref="NodeInfo.Pods"/> keeps.</summary>
    public ObjectKey Key { get; }

    /// <summary>The pod's namespace, which affinity terms without namespaces or a namespace selector refer to.</summary>
    public string Namespace => Key.Namespace;

    /// <summary>
    /// The pod's effective requests (<c>resourcehelper.PodRequests</c>): the larger of the app containers plus sidecars and
    /// the largest init container, plus overhead, with <c>Pods</c> 1. What NodeResourcesFit's Filter checks against allocatable.
    /// </summary>
    public ResourceList Requests { get; }

    /// <summary>
    /// <see cref="Requests"/> with 100 millicores and 200 MiB for every container that requests no cpu or memory
    /// (<c>DefaultMilliCPURequest</c>, <c>DefaultMemoryRequest</c>), so that scoring sees best-effort pods as using something.
    /// </summary>
    public ResourceList NonZeroRequests { get; }

    /// <summary><c>spec.priority</c>, 0 when unset (<c>corev1helpers.PodPriority</c>).</summary>
    public int Priority { get; }

    /// <summary>The pod declares pod affinity or anti-affinity (required or preferred): <c>PodsWithAffinity</c>.</summary>
    public bool HasPodAffinity { get; }

    /// <summary>Whether the pod has required pod anti-affinity terms (<c>requiredDuringSchedulingIgnoredDuringExecution</c>).</summary>
    public bool HasRequiredAntiAffinity => !RequiredAntiAffinityTerms.IsEmpty;

    internal ImmutableArray<AffinityTerm> RequiredAffinityTerms { get; }

    internal ImmutableArray<AffinityTerm> RequiredAntiAffinityTerms { get; }

    internal ImmutableArray<WeightedAffinityTerm> PreferredAffinityTerms { get; }

    internal ImmutableArray<WeightedAffinityTerm> PreferredAntiAffinityTerms { get; }

    internal ImmutableArray<HostPort> HostPorts { get; }

    /// <summary>The key of the pod's namespace-and-labels group (<see cref="PodGroup.LabelKey"/>), computed once.</summary>
    internal string LabelGroupKey => labelGroupKey ??= PodGroup.LabelKey(this);

    /// <summary>The key of the pod's affinity group (<see cref="PodGroup.AffinityKey"/>), computed once.</summary>
    internal string AffinityGroupKey => affinityGroupKey ??= PodGroup.AffinityKey(this);

    /// <summary>When the pod started (<c>status.startTime</c>), or <paramref name="now"/> if it has not (<c>GetPodStartTime</c>).</summary>
    internal long StartTime(long now) => Pod.Status.StartTime ?? now;

    internal static PodInfo Of(Pod pod) => new(pod);

    /// <summary>Whether <paramref name="pod"/> derives the same fields as this one: the same spec, namespace and labels.</summary>
    internal bool Derives(Pod pod) => Pod.Spec == pod.Spec && Pod.Metadata.Labels == pod.Metadata.Labels && Key == pod.Key;

    /// <summary>This pod info holding <paramref name="pod"/>, a version that <see cref="Derives"/> the same fields.</summary>
    /// <remarks>A copy of this one, so every derived field (and the group keys, once computed) carries over without being listed.</remarks>
    internal PodInfo Refreshed(Pod pod)
    {
        var refreshed = (PodInfo)MemberwiseClone();
        refreshed.Pod = pod;
        return refreshed;
    }

    private static ImmutableArray<AffinityTerm> Terms(Pod pod, PodAffinity? affinity) =>
        affinity is null || affinity.Required.IsEmpty ? NoTerms : [.. affinity.Required.Select(t => AffinityTerm.For(pod, t))];

    private static ImmutableArray<WeightedAffinityTerm> Weighted(Pod pod, PodAffinity? affinity) =>
        affinity is null || affinity.Preferred.IsEmpty
            ? NoWeightedTerms
            : [.. affinity.Preferred.Where(w => w.Weight != 0).Select(w => new WeightedAffinityTerm(AffinityTerm.For(pod, w.Term), w.Weight))];

    /// <summary>The host ports of the app containers and the sidecars (restartable init containers).</summary>
    private static ImmutableArray<HostPort> Ports(PodSpec spec)
    {
        ImmutableArray<HostPort>.Builder? ports = null;
        foreach (var container in spec.Containers.Concat(spec.InitContainers.Where(c => c.RestartPolicy == RestartPolicy.Always)))
        {
            foreach (var port in container.Ports)
            {
                if (HostPort.Of(port) is { } hostPort)
                {
                    (ports ??= ImmutableArray.CreateBuilder<HostPort>()).Add(hostPort);
                }
            }
        }

        return ports?.ToImmutable() ?? NoPorts;
    }
}
