using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A container in a pod spec.</summary>
public sealed record Container
{
    /// <summary><c>name</c>: a DNS label, unique among the pod's containers and init containers; container statuses are matched by it.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary><c>image</c>: the image reference, e.g. <c>nginx:1.27</c>; the scheduler's ImageLocality score looks it up on nodes.</summary>
    public string Image { get; init; } = string.Empty;

    /// <summary><c>imagePullPolicy</c>: defaulted to Always for a <c>:latest</c> or untagged image, else IfNotPresent; the simulated runtime does not pull.</summary>
    public PullPolicy? ImagePullPolicy { get; init; }

    /// <summary><c>terminationMessagePath</c>: defaulted to <c>/dev/termination-log</c>.</summary>
    public string? TerminationMessagePath { get; init; }

    /// <summary><c>terminationMessagePolicy</c>: defaulted to <c>File</c>.</summary>
    public TerminationMessagePolicy? TerminationMessagePolicy { get; init; }

    /// <summary><c>command</c>: replaces the image's <c>ENTRYPOINT</c>; empty keeps the image's own.</summary>
    public ValueList<string> Command { get; init; }

    /// <summary><c>args</c>: replaces the image's <c>CMD</c>; empty keeps the image's own.</summary>
    public ValueList<string> Args { get; init; }

    /// <summary><c>env</c>: variables set in the container, literal or from a ConfigMap or Secret key; a missing non-optional reference keeps the container from being created (<c>CreateContainerConfigError</c>).</summary>
    public ValueList<EnvVar> Env { get; init; }

    /// <summary><c>envFrom</c>: ConfigMaps and Secrets whose every key becomes a variable; gated as <see cref="Env"/> is.</summary>
    public ValueList<EnvFromSource> EnvFrom { get; init; }

    /// <summary><c>resources</c>: the requests the scheduler reserves on a node, and the limits; none by default.</summary>
    public ResourceRequirements Resources { get; init; } = ResourceRequirements.None;

    /// <summary><c>ports</c>: mostly informational, but a <c>hostPort</c> reserves the port on the node and a named port can be a Service's <c>targetPort</c>.</summary>
    public ValueList<ContainerPort> Ports { get; init; }

    /// <summary><c>readinessProbe</c>: while it fails the container is not ready, so the pod leaves its Services' endpoints; it never restarts the container. Null: ready once running.</summary>
    public Probe? ReadinessProbe { get; init; }

    /// <summary><c>livenessProbe</c>: after <c>failureThreshold</c> consecutive failures the kubelet kills the container, which restarts per the pod's <c>restartPolicy</c>. Null: never probed.</summary>
    public Probe? LivenessProbe { get; init; }

    /// <summary><c>startupProbe</c>: liveness and readiness probes wait until it succeeds; if it fails <c>failureThreshold</c> times the container is killed. Null: started once running.</summary>
    public Probe? StartupProbe { get; init; }

    /// <summary>The container's probe of <paramref name="kind"/>, or null when it has none.</summary>
    public Probe? Probe(ProbeKind kind) => kind switch
    {
        ProbeKind.Startup => StartupProbe,
        ProbeKind.Liveness => LivenessProbe,
        _ => ReadinessProbe,
    };

    /// <summary>Only for init containers: <c>Always</c> makes a restartable "sidecar".</summary>
    public RestartPolicy? RestartPolicy { get; init; }
}
