using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Generators;

/// <summary>Generators for workloads: valid Deployments, Jobs and Services and, on purpose, malformed Deployments the API server must reject.</summary>
public static class Workloads
{
    /// <summary>The apps: web, api and db. A Deployment and a Service of one name label and select <c>app=name</c>, so the Service fronts the Deployment's pods.</summary>
    public static readonly Gen<string> AppName = Gen.Elements("web", "api", "db");

    /// <summary>Jobs are named apart from the apps, and label their pods <c>job=name</c>, so no Deployment or Service adopts them.</summary>
    public static readonly Gen<string> JobName = Gen.Elements("batch", "report");

    /// <summary>Node ports clients ask for: mostly none, else one of two, so two services sometimes ask for the same one.</summary>
    public static readonly Gen<int?> RequestedNodePort = Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Elements<int?>(30100, 30101)));

    /// <summary>A container image: two nginx tags (so a re-apply can change the template and start a rollout) or redis.</summary>
    public static readonly Gen<string> Image = Gen.Elements("nginx:1.14.2", "nginx:1.25", "redis:7");

    /// <summary>A container's CPU request, as a quantity: 100m, 250m, 500m or 1 core.</summary>
    public static readonly Gen<string> CpuRequest = Gen.Elements("100m", "250m", "500m", "1");

    /// <summary>
    /// Recreate, RollingUpdate with the defaults, or RollingUpdate with maxSurge 0, 1, 25% or 50% and maxUnavailable 0, 1 or
    /// 25%, never both 0 (which the API server rejects).
    /// </summary>
    public static readonly Gen<DeploymentStrategy> Strategy = Gen.OneOf(
        Gen.Constant(new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, null)),
        Gen.Constant(new DeploymentStrategy(DeploymentStrategyType.Recreate, null)),
        from surge in Gen.Elements("0", "1", "25%", "50%")
        from unavailable in Gen.Elements("0", "1", "25%")
        where !(surge == "0" && unavailable == "0")
        select new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, new RollingUpdateDeployment(Parse(unavailable), Parse(surge))));

    /// <summary>A readiness probe one deployment in three carries, so probe faults can make its pods unready.</summary>
    public static readonly Probe ReadinessProbe = new()
    {
        Handler = new ProbeHandler(new HttpGetAction("/healthz", IntOrString.FromInt(80), "HTTP"), null, default),
        PeriodSeconds = 10,
        FailureThreshold = 1,
    };

    /// <summary>Tolerates the <c>dedicated=gpu:NoSchedule</c> taint of dedicated nodes (<see cref="Topologies.Taints"/>).</summary>
    public static readonly Toleration DedicatedToleration = new("dedicated", TolerationOperator.Equal, "gpu", TaintEffect.NoSchedule);

    /// <summary>
    /// Each app keeps its strategy type (db is Recreate, web and api RollingUpdate with varying parameters): switching
    /// type while two old ReplicaSets are active never converges, upstream as here (pinned in
    /// <c>properties/Regressions/StrategySwitchRegressions</c>), so random histories do not switch.
    /// </summary>
    public static Gen<DeploymentStrategy> StrategyFor(string app) =>
        app == "db" ? Gen.Constant(new DeploymentStrategy(DeploymentStrategyType.Recreate, null)) : Strategy.Where(s => s.Type == DeploymentStrategyType.RollingUpdate);

    /// <summary>
    /// A valid Deployment of one app: 0–5 replicas, one container with an image and a CPU request, the app's strategy type,
    /// a readiness probe one time in three and a toleration of dedicated nodes one time in four; a tolerant one of a single
    /// replica asks for a GPU, which only dedicated nodes offer (derived, not drawn, so that adding GPUs left every seed's
    /// random draws as they were, and rare, so that few histories lose their convergence check to a pod that fits no node);
    /// an <c>api</c> one of image <c>redis:7</c> runs an init container first, and a sidecar when it is probed.
    /// </summary>
    public static Gen<Deployment> Deployment =>
        from name in AppName
        from replicas in Gen.Choose(0, 5)
        from image in Image
        from cpu in CpuRequest
        from strategy in StrategyFor(name)
        from probed in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from tolerant in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        let deployment = WithExtras(NewDeployment(name, replicas, image, cpu, strategy), probed, tolerant)
        let gpu = tolerant && replicas == 1 ? WithGpu(deployment) : deployment
        select name == "api" && image == "redis:7" ? WithInitContainers(gpu, sidecar: probed) : gpu;

    /// <summary>
    /// The deployment's pods with a regular init container (<c>migrate</c>, which the simulated runtime runs for 1 s) and,
    /// with <paramref name="sidecar"/>, a sidecar (<c>proxy</c>, an init container with <c>restartPolicy: Always</c>) before it.
    /// The generator gives them to <c>api</c> Deployments of image <c>redis:7</c> (derived from draws already made, so that
    /// every seed's random draws stay as they were).
    /// </summary>
    public static Deployment WithInitContainers(Deployment d, bool sidecar)
    {
        var small = new ResourceRequirements(ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse("50m")).SetItem("memory", Quantity.Parse("32Mi")), default);
        var migrate = new Container { Name = "migrate", Image = "busybox", Resources = small };
        var proxy = new Container { Name = "proxy", Image = "envoy", Resources = small, RestartPolicy = RestartPolicy.Always };
        var pod = d.Spec.Template.Spec with { InitContainers = sidecar ? [proxy, migrate] : [migrate] };
        return d with { Spec = d.Spec with { Template = d.Spec.Template with { Spec = pod } } };
    }

    /// <summary>The deployment with its containers asking for one GPU (<see cref="Topologies.Gpu"/>), as a limit and an equal request.</summary>
    public static Deployment WithGpu(Deployment d)
    {
        var gpu = ValueMap<string, Quantity>.Empty.SetItem(Topologies.Gpu, Quantity.FromUnits(1));
        var pod = d.Spec.Template.Spec;
        pod = pod with
        {
            Containers = pod.Containers.Select(c => c with { Resources = new ResourceRequirements(c.Resources.Requests.SetItems(gpu), c.Resources.Limits.SetItems(gpu)) }).ToValueList(),
        };
        return d with { Spec = d.Spec with { Template = d.Spec.Template with { Spec = pod } } };
    }

    /// <summary>The deployment with a readiness probe and/or a toleration of dedicated nodes.</summary>
    public static Deployment WithExtras(Deployment d, bool probed, bool tolerant)
    {
        var pod = d.Spec.Template.Spec;
        if (probed)
        {
            pod = pod with { Containers = pod.Containers.Select(c => c with { ReadinessProbe = ReadinessProbe }).ToValueList() };
        }

        if (tolerant)
        {
            pod = pod with { Tolerations = [DedicatedToleration] };
        }

        return d with { Spec = d.Spec with { Template = d.Spec.Template with { Spec = pod } } };
    }

    /// <summary>
    /// A Job whose pods a later <c>ExitAfterStep</c> finishes or fails: parallelism 1–3, completions 1–4 or unset, a
    /// small backoffLimit, restartPolicy Never or OnFailure, and now and then ttlSecondsAfterFinished. Every Job has an
    /// activeDeadlineSeconds, so one whose pods never exit still finishes (DeadlineExceeded) and the cluster can converge.
    /// </summary>
    public static Gen<Job> Job =>
        from name in JobName
        from parallelism in Gen.Choose(1, 3)
        from completions in Gen.Frequency((3, Gen.Choose(1, 4).Select(c => (int?)c)), (1, Gen.Constant<int?>(null)))
        from backoffLimit in Gen.Choose(0, 3)
        from restart in Gen.Elements(RestartPolicy.Never, RestartPolicy.OnFailure)
        from ttl in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Elements<int?>(0, 30)))
        select NewJob(name, parallelism, completions, backoffLimit, restart, ttl);

    /// <summary>A Job in <c>default</c> whose pods are labelled <c>job=name</c>, with one busybox container (100m CPU, 64Mi) and <c>activeDeadlineSeconds: 180</c>.</summary>
    /// <param name="name">The Job's name, also its container's and its pods' <c>job</c> label.</param>
    /// <param name="parallelism"><c>spec.parallelism</c>: how many pods run at once.</param>
    /// <param name="completions"><c>spec.completions</c>; null for a Job that is done when any pod succeeds.</param>
    /// <param name="backoffLimit"><c>spec.backoffLimit</c>: failed pods tolerated before the Job fails.</param>
    /// <param name="restart">The pods' restart policy (Never or OnFailure; Always is invalid for a Job).</param>
    /// <param name="ttlSecondsAfterFinished"><c>spec.ttlSecondsAfterFinished</c>; null keeps the finished Job.</param>
    public static Job NewJob(string name, int parallelism, int? completions, int backoffLimit, RestartPolicy restart, int? ttlSecondsAfterFinished)
    {
        var labels = ValueMap.Of(("job", name));
        var container = new Container
        {
            Name = name,
            Image = "busybox",
            Resources = new ResourceRequirements(ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse("100m")).SetItem("memory", Quantity.Parse("64Mi")), default),
        };
        return new Job(
            new ObjectMeta { Name = name, Namespace = "default" },
            new JobSpec
            {
                Parallelism = parallelism,
                Completions = completions,
                BackoffLimit = backoffLimit,
                ActiveDeadlineSeconds = 180,
                TtlSecondsAfterFinished = ttlSecondsAfterFinished,
                Template = new PodTemplateSpec(new ObjectMeta { Labels = labels }, new PodSpec { RestartPolicy = restart, Containers = [container] }),
            },
            new JobStatus());
    }

    /// <summary>A service in front of one of the apps (web, api, db), in the shapes that change endpoints, rules and node ports.</summary>
    public static Gen<Service> Service =>
        from app in AppName
        from type in Gen.Elements(ServiceType.ClusterIP, ServiceType.NodePort, ServiceType.LoadBalancer)
        from headless in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from publish in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from external in Gen.Elements("Cluster", "Local")
        from @internal in Gen.Elements("Cluster", "Cluster", "Local")
        from affinity in Gen.Elements("None", "None", "ClientIP")
        from nodePort in RequestedNodePort
        let exposed = !headless && type != ServiceType.ClusterIP
        select new Service(
            new ObjectMeta { Name = app, Namespace = "default" },
            new ServiceSpec
            {
                Type = headless ? ServiceType.ClusterIP : type,
                ClusterIP = headless ? "None" : null,
                Ports = [new ServicePort("http", "TCP", 80, IntOrString.FromInt(8080), exposed ? nodePort : null)],
                Selector = ValueMap.Of(("app", app)),
                PublishNotReadyAddresses = publish,
                ExternalTrafficPolicy = exposed ? external : null,
                InternalTrafficPolicy = @internal,
                SessionAffinity = affinity,
            },
            ServiceStatus.Empty);

    /// <summary>Requests Kubernetes rejects: negative replicas, no selector, labels that do not match, bad names, no containers, maxSurge and maxUnavailable both 0.</summary>
    public static Gen<KubeObject> Malformed =>
        from d in Deployment
        from flaw in Gen.Choose(0, 5)
        select (KubeObject)(flaw switch
        {
            0 => d with { Spec = d.Spec with { Replicas = -1 } },
            1 => d with { Spec = d.Spec with { Selector = LabelSelector.Empty } },
            2 => d with { Spec = d.Spec with { Template = d.Spec.Template with { Metadata = d.Spec.Template.Metadata with { Labels = ValueMap.Of(("app", "other")) } } } },
            3 => d with { Metadata = d.Metadata with { Name = "Not_A_Name" } },
            4 => d with { Spec = d.Spec with { Template = d.Spec.Template with { Spec = d.Spec.Template.Spec with { Containers = default } } } },
            _ => d with { Spec = d.Spec with { Strategy = new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, new RollingUpdateDeployment(IntOrString.FromInt(0), IntOrString.FromInt(0))) } },
        });

    /// <summary>A Deployment in <c>default</c> labelled and selecting <c>app=name</c>, with one container named after it (128Mi memory).</summary>
    /// <param name="name">The Deployment's name, its container's and its <c>app</c> label.</param>
    /// <param name="replicas"><c>spec.replicas</c>.</param>
    /// <param name="image">The container's image.</param>
    /// <param name="cpu">The container's CPU request, as a quantity (<c>250m</c>).</param>
    /// <param name="strategy"><c>spec.strategy</c>.</param>
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

    /// <summary>The ConfigMap generated pods may read: <c>settings</c> in <c>default</c>, always with the key <c>mode</c>.</summary>
    public const string SettingsName = "settings";

    /// <summary>The Secret generated pods may read: <c>credentials</c> in <c>default</c>, with the key <c>password</c>.</summary>
    public const string CredentialsName = "credentials";

    /// <summary>The ConfigMap <c>settings</c> (with the key <c>level</c> one time in two) or the Secret <c>credentials</c>.</summary>
    public static Gen<KubeObject> Config =>
        Gen.OneOf(
            Gen.Elements(false, true).Select(level => (KubeObject)new ConfigMap(
                new ObjectMeta { Name = SettingsName, Namespace = "default" },
                level ? ValueMap.Of(("mode", "fast"), ("level", "debug")) : ValueMap.Of(("mode", "fast")))),
            Gen.Constant((KubeObject)new Secret(new ObjectMeta { Name = CredentialsName, Namespace = "default" }, ValueMap.Of(("password", "czNjcmV0")))));

    /// <summary>
    /// A Deployment (<see cref="Deployment"/>) whose pods read <c>settings</c> or <c>credentials</c>: through <c>envFrom</c>, the key
    /// <c>settings/level</c> (which the ConfigMap may lack), the key <c>credentials/password</c>, or a <c>secret</c> volume;
    /// optional one time in three. Whether they start depends on what the history created or deleted.
    /// </summary>
    public static Gen<Deployment> ConfiguredDeployment =>
        from d in Deployment
        from use in Gen.Choose(0, 3)
        from optional in Gen.Elements(false, false, true)
        select WithConfig(d, use, optional);

    /// <summary>The deployment's pods reading config in one of four ways (see <see cref="ConfiguredDeployment"/>).</summary>
    public static Deployment WithConfig(Deployment d, int use, bool optional)
    {
        var pod = d.Spec.Template.Spec;
        var container = pod.Containers[0];
        pod = use switch
        {
            0 => pod with { Containers = [container with { EnvFrom = [new EnvFromSource(ConfigMapRef: new ConfigSource(SettingsName, optional))] }] },
            1 => pod with { Containers = [container with { Env = [new EnvVar("LEVEL", ConfigMapKeyRef: new KeySelector(SettingsName, "level", optional))] }] },
            2 => pod with { Containers = [container with { Env = [new EnvVar("PASSWORD", SecretKeyRef: new KeySelector(CredentialsName, "password", optional))] }] },
            _ => pod with { Volumes = [new Volume("credentials", Secret: new ConfigSource(CredentialsName, optional))] },
        };
        return d with { Spec = d.Spec with { Template = d.Spec.Template with { Spec = pod } } };
    }

    private static IntOrString Parse(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? IntOrString.FromInt(i) : IntOrString.FromString(text);
}
