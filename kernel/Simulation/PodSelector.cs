using KubeKernel.Model;

namespace KubeKernel.Simulation;

/// <summary>Chooses a pod without naming it: those matching the labels (in the namespace), then the <c>Index</c>-th (modulo).</summary>
public sealed record PodSelector(LabelSelector? Labels = null, string? Namespace = null, int Index = 0)
{
    public static PodSelector Any { get; } = new();

    /// <summary>The chosen pod among bound pods with a running container, or none.</summary>
    public Pod? Resolve(ClusterState state)
    {
        var candidates = state.Store.List<Pod>()
            .Where(p => p.IsBound && p.Status.ContainerStatuses.Any(c => c.State.IsRunning))
            .Where(p => Namespace is null || p.Metadata.Namespace == Namespace)
            .Where(p => Labels is null || Labels.Matches(p.Metadata.Labels))
            .ToList();
        return candidates.Count == 0 ? null : candidates[Math.Abs(Index % candidates.Count)];
    }

    public override string ToString() => $"{(Labels is null ? "any pod" : Labels.ToString())}{(Namespace is null ? string.Empty : $" in {Namespace}")}{(Index == 0 ? string.Empty : $" #{Index}")}";
}
