namespace KubeKernel.Scheduling.Plugins;

/// <summary>A point of RequestedToCapacityRatio's shape: utilisation 0–100 maps to score 0–10.</summary>
public sealed record UtilizationShapePoint(int Utilization, int Score);
