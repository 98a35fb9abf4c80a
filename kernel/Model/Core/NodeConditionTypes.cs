namespace KubeKernel.Model;

/// <summary>The node condition types.</summary>
public static class NodeConditionTypes
{
    public const string Ready = "Ready";
    public const string MemoryPressure = "MemoryPressure";
    public const string DiskPressure = "DiskPressure";
    public const string PIDPressure = "PIDPressure";
    public const string NetworkUnavailable = "NetworkUnavailable";
}
