using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Exploring;

/// <summary>The objects of an explored scope: identical nodes, Deployments and the NodePort Services that expose them.</summary>
internal static class ExploreModel
{
    /// <summary>The scope's nodes, <c>node-1</c>…: 2 CPUs, 4Gi, 110 pods, no taints, so they are interchangeable.</summary>
    public static ValueList<Node> Nodes(ExploreScope scope) =>
        Enumerable.Range(1, scope.Nodes).Select(i => new Node(
            ObjectMeta.Named($"node-{i}"),
            new NodeSpec(false, default),
            new NodeStatus(Capacity, Capacity, default, default, default))).ToValueList();

    /// <summary>The name of the scope's <paramref name="index"/>-th Deployment (from 0): <c>web</c>, <c>web-2</c>, ….</summary>
    public static string DeploymentName(int index) => index == 0 ? "web" : $"web-{index + 1}";

    /// <summary>The name of the scope's <paramref name="index"/>-th Service (from 0): <c>web-svc</c>, <c>web-svc-2</c>, ….</summary>
    public static string ServiceName(int index) => index == 0 ? "web-svc" : $"web-svc-{index + 1}";

    /// <summary>The image a Deployment starts with.</summary>
    public const string FirstImage = "registry.k8s.io/pause:3.10";

    /// <summary>The image a rollout moves to from <see cref="FirstImage"/>, and back.</summary>
    public const string SecondImage = "registry.k8s.io/pause:3.9";

    /// <summary>Deployment <paramref name="index"/>: <c>replicas</c> pods of one container of <paramref name="image"/> requesting 500m CPU and 128Mi.</summary>
    public static Deployment Deployment(int index, int replicas, string image = FirstImage)
    {
        var name = DeploymentName(index);
        var labels = ValueMap.Of(("app", name));
        var requests = ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse("500m")).SetItem("memory", Quantity.Parse("128Mi"));
        var container = new Container { Name = "app", Image = image, Resources = new ResourceRequirements(requests, default) };
        return new Deployment(
            new ObjectMeta { Name = name, Namespace = "default", Labels = labels },
            new DeploymentSpec
            {
                Replicas = replicas,
                Selector = LabelSelector.ForLabels(labels),
                Template = new PodTemplateSpec(new ObjectMeta { Labels = labels }, new PodSpec { Containers = [container] }),
            },
            new DeploymentStatus());
    }

    /// <summary>Service <paramref name="index"/>: a NodePort Service for the pods of Deployment <c>index mod deployments</c>, its port allocated.</summary>
    public static Service Service(int index, int deployments) =>
        new(
            new ObjectMeta { Name = ServiceName(index), Namespace = "default" },
            new ServiceSpec
            {
                Type = ServiceType.NodePort,
                Ports = [new ServicePort("http", "TCP", 80, IntOrString.FromInt(8080), null)],
                Selector = ValueMap.Of(("app", DeploymentName(deployments == 0 ? 0 : index % deployments))),
            },
            ServiceStatus.Empty);

    private static ValueMap<string, Quantity> Capacity { get; } = ValueMap<string, Quantity>.Empty
        .SetItem("cpu", Quantity.Parse("2"))
        .SetItem("memory", Quantity.Parse("4Gi"))
        .SetItem("pods", Quantity.FromUnits(110))
        .SetItem("ephemeral-storage", Quantity.Parse("100Gi"));
}
