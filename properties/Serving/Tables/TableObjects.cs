using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Properties.Serving.Tables;

/// <summary>Kernel objects shaped like the inputs of Kubernetes' printers_test.go, all created at logical time 0.</summary>
internal static class TableObjects
{
    /// <summary>Ten minutes after creation: the instant the rows are printed at, unless a test says otherwise.</summary>
    public const long Now = 600_000;

    public static ObjectMeta Meta(string name, string ns = "default") => ObjectMeta.Named(name, ns);

    /// <summary>A pod with <paramref name="containers"/> unnamed containers (Go's <c>make([]api.Container, n)</c>) and these statuses.</summary>
    public static Pod Pod(string name, int containers, PodPhase phase, params ContainerStatus[] statuses) => new(
        Meta(name),
        new PodSpec { Containers = Enumerable.Range(0, containers).Select(i => new Container { Name = $"c{i}" }).ToValueList() },
        new PodStatus { Phase = phase, ContainerStatuses = statuses.ToValueList() });

    public static ContainerStatus Status(ContainerState state, int restarts = 0, bool ready = false, ContainerState? last = null) =>
        new("c", "image", state, last, ready, ready, restarts);

    /// <summary>Go's zero <c>ContainerState{}</c>: no state reported; the kernel's nearest is waiting without a reason.</summary>
    public static ContainerState NoState => new(ContainerStateKind.Waiting);

    public static ContainerState Running => ContainerState.Running(0);

    /// <summary>A previous run that finished at <paramref name="finishedAt"/>.</summary>
    public static ContainerState FinishedAt(long finishedAt) => ContainerState.Terminated(1, 0, finishedAt);

    public static Condition True(string type) => new(type, ConditionStatus.True, string.Empty, string.Empty, 0);

    public static PodTemplateSpec Template(params (string Name, string Image)[] containers) =>
        new(new ObjectMeta(), new PodSpec { Containers = containers.Select(c => new Container { Name = c.Name, Image = c.Image }).ToValueList() });

    public static LabelSelector Selector(string key, string value) => LabelSelector.ForLabels(new ValueMap<string, string>([new(key, value)]));
}
