using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Generators;

/// <summary>Generators for workloads: valid Deployments and, on purpose, malformed ones the API server must reject.</summary>
public static class Workloads
{
    public static readonly Gen<string> AppName = Gen.Elements("web", "api", "db");

    public static readonly Gen<string> Image = Gen.Elements("nginx:1.14.2", "nginx:1.25", "redis:7");

    public static readonly Gen<string> CpuRequest = Gen.Elements("100m", "250m", "500m", "1");

    public static readonly Gen<DeploymentStrategy> Strategy = Gen.OneOf(
        Gen.Constant(new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null)),
        Gen.Constant(new DeploymentStrategy(DeploymentStrategyType.Recreate, null)),
        from surge in Gen.Elements("0", "1", "25%", "50%")
        from unavailable in Gen.Elements("0", "1", "25%")
        where !(surge == "0" && unavailable == "0")
        select new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, new RollingUpdateDeployment(Parse(unavailable), Parse(surge))));

    public static Gen<Deployment> Deployment =>
        from name in AppName
        from replicas in Gen.Choose(0, 5)
        from image in Image
        from cpu in CpuRequest
        from strategy in Strategy
        select NewDeployment(name, replicas, image, cpu, strategy);

    /// <summary>Requests Kubernetes rejects: negative replicas, no selector, labels that do not match, bad names, no containers.</summary>
    public static Gen<KubeObject> Malformed =>
        from d in Deployment
        from flaw in Gen.Choose(0, 5)
        select (KubeObject)(flaw switch
        {
            0 => d with { Spec = d.Spec with { Replicas = -1 } },
            1 => d with { Spec = d.Spec with { Selector = null } },
            2 => d with { Spec = d.Spec with { Template = d.Spec.Template with { Metadata = d.Spec.Template.Metadata with { Labels = ValueMap.Of(("app", "other")) } } } },
            3 => d with { Metadata = d.Metadata with { Name = "Not_A_Name" } },
            4 => d with { Spec = d.Spec with { Template = d.Spec.Template with { Spec = d.Spec.Template.Spec with { Containers = default } } } },
            _ => d with { Spec = d.Spec with { Strategy = new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, new RollingUpdateDeployment(IntOrString.FromInt(0), IntOrString.FromInt(0))) } },
        });

    public static Deployment NewDeployment(string name, int replicas, string image, string cpu, DeploymentStrategy strategy)
    {
        var labels = ValueMap.Of(("app", name));
        var container = new Container
        {
            Name = name,
            Image = image,
            Resources = new ResourceRequirements(ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse(cpu)).SetItem("memory", Quantity.Parse("128Mi")), default),
        };
        return new Deployment(
            new ObjectMeta { Name = name, Namespace = "default", Labels = labels },
            new DeploymentSpec
            {
                Replicas = replicas,
                Selector = LabelSelector.ForLabels(labels),
                Template = new PodTemplateSpec(new ObjectMeta { Labels = labels }, new PodSpec { Containers = [container] }),
                Strategy = strategy,
            },
            new DeploymentStatus());
    }

    private static IntOrString Parse(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? IntOrString.FromInt(i) : IntOrString.FromString(text);
}
