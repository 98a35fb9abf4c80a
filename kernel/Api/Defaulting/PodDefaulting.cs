using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Api.Defaulting;

/// <summary><c>SetDefaults_PodSpec</c> for the fields the kernel uses.</summary>
internal static class PodDefaulting
{
    /// <summary>Pod <c>terminationGracePeriodSeconds</c> default.</summary>
    public const long DefaultTerminationGracePeriodSeconds = 30;

    /// <summary><c>TerminationMessagePathDefault</c>.</summary>
    public const string DefaultTerminationMessagePath = "/dev/termination-log";

    /// <summary><c>SetDefaults_PodSpec</c> and <c>SetDefaults_Container</c> for every container and init container.</summary>
    public static PodSpec Apply(PodSpec spec) => spec with
    {
        DnsPolicy = spec.DnsPolicy ?? DnsPolicy.ClusterFirst,
        TerminationGracePeriodSeconds = spec.TerminationGracePeriodSeconds ?? DefaultTerminationGracePeriodSeconds,
        SchedulerName = string.IsNullOrEmpty(spec.SchedulerName) ? "default-scheduler" : spec.SchedulerName,
        Containers = Apply(spec.Containers),
        InitContainers = Apply(spec.InitContainers),
    };

    /// <summary>
    /// The pull policy Kubernetes defaults from the image's tag (<c>parsers.ParseImageName</c>): an image without a tag
    /// or digest is <c>:latest</c>.
    /// </summary>
    /// <remarks>
    /// | image                              | policy       |
    /// |------------------------------------|--------------|
    /// | nginx                              | Always       |
    /// | nginx:latest                       | Always       |
    /// | nginx:1.27                         | IfNotPresent |
    /// | registry:5000/app                  | Always       |
    /// | registry:5000/app:v2               | IfNotPresent |
    /// | nginx@sha256:abc…                  | IfNotPresent |
    /// </remarks>
    public static PullPolicy DefaultPullPolicy(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? image : image[..at];
        var colon = name.LastIndexOf(':');
        var tag = colon > name.LastIndexOf('/') ? name[(colon + 1)..] : at < 0 ? "latest" : string.Empty;
        return tag == "latest" ? PullPolicy.Always : PullPolicy.IfNotPresent;
    }

    private static ValueList<Container> Apply(ValueList<Container> containers) =>
        containers.All(c => c.ImagePullPolicy is not null && c.TerminationMessagePath is not null && c.TerminationMessagePolicy is not null)
            ? containers
            : containers.Select(c => c with
            {
                ImagePullPolicy = c.ImagePullPolicy ?? DefaultPullPolicy(c.Image),
                TerminationMessagePath = string.IsNullOrEmpty(c.TerminationMessagePath) ? DefaultTerminationMessagePath : c.TerminationMessagePath,
                TerminationMessagePolicy = c.TerminationMessagePolicy ?? TerminationMessagePolicy.File,
            }).ToValueList();

    public static PodTemplateSpec Apply(PodTemplateSpec template) => template with { Spec = Apply(template.Spec) };

    /// <summary><c>SetDefaults_Pod</c>: a container's limit without a request becomes its request too, and
    /// <c>enableServiceLinks</c> is true (on a Pod only, not on a workload's template, so a template keeps what its author
    /// wrote); then the pod spec defaults.</summary>
    public static Pod Apply(Pod pod)
    {
        var spec = Apply(pod.Spec);
        return pod with
        {
            Spec = spec with
            {
                Containers = RequestsFromLimits(spec.Containers),
                InitContainers = RequestsFromLimits(spec.InitContainers),
                EnableServiceLinks = spec.EnableServiceLinks ?? true,
            },
        };
    }

    private static ValueList<Container> RequestsFromLimits(ValueList<Container> containers)
    {
        if (containers.All(c => c.Resources.Limits.IsEmpty))
        {
            return containers;
        }

        return containers.Select(c =>
        {
            var requests = c.Resources.Requests;
            foreach (var (name, limit) in c.Resources.Limits)
            {
                if (!requests.ContainsKey(name))
                {
                    requests = requests.SetItem(name, limit);
                }
            }

            return c with { Resources = c.Resources with { Requests = requests } };
        }).ToValueList();
    }
}
