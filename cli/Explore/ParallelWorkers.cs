using KubeKernel.Exploring;

namespace KubeKernel.Cli.Explore;

/// <summary>The explorer's workers as threads: worker w takes every <c>Count</c>-th piece from w, so each worker is on one thread at a time.</summary>
internal sealed class ParallelWorkers(int count) : IExploreWorkers
{
    public int Count { get; } = Math.Max(1, count);

    public void ForEach(int count, Action<int, int> body) =>
        Parallel.For(0, Math.Min(Count, count), worker =>
        {
            for (var i = worker; i < count; i += Count)
            {
                body(worker, i);
            }
        });
}
