using KubeKernel.Model;

namespace KubeKernel.Simulation;

/// <summary>Chooses a pod without naming it: those matching the labels (in the namespace), then the <c>Index</c>-th (modulo).</summary>
/// <param name="Labels">The labels a pod must match; null matches any.</param>
/// <param name="Namespace">The namespace a pod must be in; null matches any.</param>
/// <param name="Index">Which of the candidates, in store order (namespace, then name), modulo their count, so any index chooses one.</param>
public sealed record PodSelector(LabelSelector? Labels = null, string? Namespace = null, int Index = 0)
{
    /// <summary>The first candidate of any labels in any namespace.</summary>
    public static PodSelector Any { get; } = new();

    /// <summary>The chosen pod among bound pods with a running container (and <paramref name="eligible"/>, when given), or none.</summary>
    public Pod? Resolve(ClusterState state, Func<Pod, bool>? eligible = null)
    {
        var candidates = state.Store.List<Pod>()
            .Where(p => p.IsBound && p.Status.ContainerStatuses.Any(c => c.State.IsRunning))
            .Where(Matches)
            .Where(p => eligible is null || eligible(p))
            .ToList();
        return candidates.Count == 0 ? null : candidates[Math.Abs(Index % candidates.Count)];
    }

    /// <summary>Whether a pod matches the labels and namespace (ignoring the index).</summary>
    public bool Matches(Pod pod) =>
        (Namespace is null || pod.Metadata.Namespace == Namespace) && (Labels is null || Labels.Matches(pod.Metadata.Labels));

    /// <inheritdoc/>
    /// <returns>The selector as step descriptions print it: <c>app=web in default #2</c>, or <c>any pod</c>.</returns>
    public override string ToString() => $"{(Labels is null ? "any pod" : Labels.ToString())}{(Namespace is null ? string.Empty : $" in {Namespace}")}{(Index == 0 ? string.Empty : $" #{Index}")}";
}
