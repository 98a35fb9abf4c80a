namespace KubeKernel.Exploring;

/// <summary>One worker: every piece in order, on the calling thread.</summary>
public sealed class SequentialWorkers : IExploreWorkers
{
    /// <summary>The one instance.</summary>
    public static SequentialWorkers Instance { get; } = new();

    /// <inheritdoc/>
    public int Count => 1;

    /// <inheritdoc/>
    public void ForEach(int count, Action<int, int> body)
    {
        for (var i = 0; i < count; i++)
        {
            body(0, i);
        }
    }
}
