using KubeKernel.Collections;
using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Bench.Scheduling;

/// <summary>
/// Makes a workload's pods look like a ReplicaSet's: the <c>n</c>-th pod of a namespace belongs to ReplicaSet
/// <c>rs-(n / size)</c>, which exists in the store with a Service selecting its pods, and carries its labels and its
/// controller reference.
/// </summary>
/// <remarks>
/// The ReplicaSets are only objects in the store (the benchmark runs the scheduler alone, so nothing reconciles them):
/// what matters is that the scheduler's system-default spread finds them and the Services through its selector lookups.
/// </remarks>
public static class OwnedPods
{
    /// <summary>
    /// <paramref name="pod"/> as the <paramref name="index"/>-th pod of its namespace, with its owner and Service
    /// submitted first when this pod starts a new ReplicaSet.
    /// </summary>
    public static (ClusterState State, Pod Pod) Own(ClusterState state, Pod pod, int index, int podsPerReplicaSet)
    {
        var ns = pod.Metadata.Namespace;
        var name = $"rs-{index / podsPerReplicaSet:D4}";
        var labels = ValueMap.Of(("app", name));
        if (index % podsPerReplicaSet == 0)
        {
            var template = new PodTemplateSpec(new ObjectMeta { Labels = labels }, pod.Spec);
            state = Submit(state, new ReplicaSet(new ObjectMeta { Name = name, Namespace = ns, Labels = labels },
                new ReplicaSetSpec(podsPerReplicaSet, 0, LabelSelector.ForLabels(labels), template), new ReplicaSetStatus()));
            state = Submit(state, new Service(new ObjectMeta { Name = name, Namespace = ns },
                new ServiceSpec { Selector = labels, Ports = [new ServicePort(null, "TCP", 80, IntOrString.FromInt(80))] }, ServiceStatus.Empty));
            _ = state.Store.Get<Service>(ns, name) ?? throw new InvalidOperationException($"Service {ns}/{name} was not created");
        }

        var owner = state.Store.Get<ReplicaSet>(ns, name) ?? throw new InvalidOperationException($"ReplicaSet {ns}/{name} was not created");
        var reference = new OwnerReference("apps/v1", "ReplicaSet", name, owner.Metadata.Uid, Controller: true, BlockOwnerDeletion: true);
        return (state, pod with { Metadata = pod.Metadata with { Labels = labels, OwnerReferences = [reference] } });
    }

    private static ClusterState Submit(ClusterState state, KubeObject obj) =>
        Kernel.Step(state, new ObjectSubmitted("bench", obj)).State;
}
