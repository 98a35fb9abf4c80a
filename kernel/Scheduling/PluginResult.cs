namespace KubeKernel.Scheduling;

/// <summary>What a PreFilter or PreScore plugin returns: its status and the per-cycle state its Filter or Score reads.</summary>
/// <remarks>Kubernetes keeps this state in <c>CycleState</c> under the plugin's key; here the framework hands it back to the same plugin.</remarks>
public readonly record struct PluginResult(Status Status, object? State = null)
{
    public static PluginResult Skip { get; } = new(Status.Skip);

    public static PluginResult Ok(object? state) => new(Status.Success, state);
}
