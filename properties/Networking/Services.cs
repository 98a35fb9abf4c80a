using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Properties.Networking;

/// <summary>Builders and API calls the networking tests share: services, ports, pods and one request through the reducer.</summary>
internal static class Services
{
    public static Service Of(string name, ServiceType type = ServiceType.ClusterIP, params ServicePort[] ports) =>
        new(new ObjectMeta { Name = name, Namespace = "default" }, new ServiceSpec { Type = type, Ports = ports.Length == 0 ? [Port(80)] : [.. ports], Selector = ValueMap.Of(("app", name)) }, ServiceStatus.Empty);

    public static ServicePort Port(int port, int? nodePort = null, string protocol = "TCP", string? name = null, IntOrString target = default) =>
        new(name, protocol, port, target, nodePort);

    public static Service With(this Service svc, Func<ServiceSpec, ServiceSpec> change) => svc with { Spec = change(svc.Spec) };

    /// <summary>One API request through <c>Kernel.Step</c>: the state after it and the reply.</summary>
    public static (ClusterState State, ApiResult Result) Submit(ClusterState state, KubeObject obj, SubmitVerb verb = SubmitVerb.Apply)
    {
        var step = Kernel.Step(state, new ObjectSubmitted("request", obj, verb));
        return (step.State, step.Commands.OfType<Reply>().Single().Result);
    }

    public static (ClusterState State, ApiResult Result) Delete(ClusterState state, string name)
    {
        var step = Kernel.Step(state, new ObjectDeleted("request", new ObjectKey(Kinds.Service.Kind, "default", name)));
        return (step.State, step.Commands.OfType<Reply>().Single().Result);
    }

    /// <summary>Submits and insists on success; returns the state and the stored service.</summary>
    public static (ClusterState State, Service Stored) Accept(ClusterState state, Service svc, SubmitVerb verb = SubmitVerb.Apply)
    {
        var (next, result) = Submit(state, svc, verb);
        Assert.True(result.IsSuccess, result.ToString());
        return (next, (Service)result.Object!);
    }

    public static Pod ReadyPod(string name, string app, string node, string ip, bool ready = true, params ContainerPort[] ports) =>
        new(
            new ObjectMeta { Name = name, Namespace = "default", Uid = $"uid-{name}", Labels = ValueMap.Of(("app", app)) },
            new PodSpec { NodeName = node, Containers = [new Container { Name = "c", Image = "nginx", Ports = [.. ports] }] },
            new PodStatus
            {
                Phase = KubeKernel.StateMachines.PodPhase.Running,
                PodIP = ip,
                Conditions = [new Condition(PodConditionTypes.Ready, ready ? ConditionStatus.True : ConditionStatus.False, string.Empty, string.Empty, 0)],
            });

    public static Node Node(string name, string? zone = null) =>
        new(new ObjectMeta { Name = name, Labels = zone is null ? default : ValueMap.Of(("topology.kubernetes.io/zone", zone)) }, new NodeSpec(false, default), new NodeStatus(default, default, default, default, default));
}
