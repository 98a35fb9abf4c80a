using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Scheduling;

namespace KubeKernel.Properties.Scheduling;

/// <summary>Builds small clusters for scheduler examples: nodes and pods go through the real kubelet registration and API server.</summary>
internal static class Cluster
{
    public const string Hostname = "kubernetes.io/hostname";
    public const string Zone = "topology.kubernetes.io/zone";

    /// <summary>A cluster running only the scheduler, so examples see placements without kubelets or workload controllers.</summary>
    public static ClusterState With(params Node[] nodes) => With(new ControllerSet([new Scheduler()]), nodes);

    public static ClusterState With(ControllerSet controllers, params Node[] nodes)
    {
        var state = ClusterState.Initial(ClusterConfig.Default with { Controllers = controllers });
        foreach (var node in nodes)
        {
            state = Kernel.Step(state, new NodeRegistered(node)).State;
        }

        return state;
    }

    public static Node Node(string name, string cpu = "4", string memory = "16Gi", int pods = 110, ValueMap<string, string> labels = default, ValueList<Taint> taints = default, bool unschedulable = false, ValueList<ContainerImage> images = default)
    {
        var capacity = ValueMap<string, Quantity>.Empty
            .SetItem("cpu", Quantity.Parse(cpu)).SetItem("memory", Quantity.Parse(memory)).SetItem("pods", Quantity.FromUnits(pods))
            .SetItem("ephemeral-storage", Quantity.Parse("100Gi"));
        return new Node(new ObjectMeta { Name = name, Labels = labels }, new NodeSpec(unschedulable, taints), new NodeStatus(capacity, capacity, default, default, images));
    }

    public static Pod Pod(string name, string? cpu = "100m", string? memory = "128Mi", ValueMap<string, string> labels = default, string ns = "default") => new(
        new ObjectMeta { Name = name, Namespace = ns, Labels = labels },
        new PodSpec { Containers = [Container("app", cpu, memory)] },
        new PodStatus());

    public static Container Container(string name, string? cpu, string? memory, string image = "registry.k8s.io/pause:3.10")
    {
        var requests = ValueMap<string, Quantity>.Empty;
        if (cpu is not null)
        {
            requests = requests.SetItem("cpu", Quantity.Parse(cpu));
        }

        if (memory is not null)
        {
            requests = requests.SetItem("memory", Quantity.Parse(memory));
        }

        return new Container { Name = name, Image = image, Resources = new ResourceRequirements(requests, default) };
    }

    public static Pod With(this Pod pod, Func<PodSpec, PodSpec> change) => pod with { Spec = change(pod.Spec) };

    public static PodAffinityTerm Term(string topologyKey, params (string Key, string Value)[] labels) =>
        new(LabelSelector.ForLabels(ValueMap.Of(labels)), topologyKey, default);

    public static Affinity AntiAffinity(params PodAffinityTerm[] terms) => new(null, null, new PodAffinity(terms.ToValueList(), default));

    public static Affinity PodAffinity(params PodAffinityTerm[] terms) => new(null, new PodAffinity(terms.ToValueList(), default), null);

    /// <summary>Submits through the API server (defaulting, admission, validation) and returns the new state; fails on rejection.</summary>
    public static ClusterState Submit(this ClusterState state, KubeObject obj)
    {
        var step = Kernel.Step(state, new ObjectSubmitted("test", obj));
        var reply = step.Commands.OfType<Reply>().Single();
        Assert.True(reply.Result.IsSuccess, reply.Result.Message);
        return step.State;
    }

    public static ClusterState Settle(this ClusterState state) => Kernel.Settle(state).State;

    public static Pod Stored(this ClusterState state, string name, string ns = "default") =>
        state.Store.Get<Pod>(ns, name) ?? throw new InvalidOperationException($"no pod {ns}/{name}");

    /// <summary>Runs one scheduling cycle for a stored pod against the state, without changing it.</summary>
    public static ScheduleResult Schedule(this ClusterState state, string pod, SchedulerProfile? profile = null)
    {
        profile ??= SchedulerProfile.Default;
        return SchedulingFramework.Schedule(CycleContext.For(state, state.Stored(pod), profile), profile, SchedulerMemory.Of(state).NextStartNodeIndex);
    }

    /// <summary>Submits <paramref name="pod"/> and runs the scheduler until it has nothing left to do.</summary>
    public static ClusterState Place(this ClusterState state, Pod pod) => state.Submit(pod).Settle();

    public static string? NodeOf(this ClusterState state, string pod, string ns = "default") => state.Stored(pod, ns).Spec.NodeName;

    public static string? UnschedulableMessage(this ClusterState state, string pod) =>
        state.Stored(pod).Status.FindCondition(PodConditionTypes.PodScheduled) is { Status: ConditionStatus.False } c ? c.Message : null;
}
