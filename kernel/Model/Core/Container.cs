using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A container in a pod spec.</summary>
public sealed record Container
{
    public string Name { get; init; } = string.Empty;

    public string Image { get; init; } = string.Empty;

    public ValueList<string> Command { get; init; }

    public ValueList<string> Args { get; init; }

    public ResourceRequirements Resources { get; init; } = ResourceRequirements.None;

    public ValueList<ContainerPort> Ports { get; init; }

    public Probe? ReadinessProbe { get; init; }

    public Probe? LivenessProbe { get; init; }

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
