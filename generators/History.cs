using KubeKernel.Collections;

namespace KubeKernel.Generators;

/// <summary>A generated history: its steps in order.</summary>
public sealed record History(ValueList<HistoryStep> Steps)
{
    public override string ToString() => string.Join("\n", Steps.Select((s, i) => $"{i + 1}. {s}"));
}
