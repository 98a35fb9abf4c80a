namespace KubeKernel.Scheduling.Plugins;

/// <summary>A resource NodeResourcesFit scores (<c>cpu</c>, <c>memory</c>, <c>ephemeral-storage</c>) and its weight.</summary>
public sealed record ResourceSpec(string Name, long Weight);
