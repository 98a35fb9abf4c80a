namespace KubeKernel.Driving;

/// <summary>A trace sink that keeps every step, in order.</summary>
public sealed class TraceLog : ITraceSink
{
    private readonly List<TraceEntry> entries = [];

    /// <summary>Every step taken so far, oldest first.</summary>
    public IReadOnlyList<TraceEntry> Entries => entries;

    /// <inheritdoc/>
    public void Add(TraceEntry entry) => entries.Add(entry);
}
