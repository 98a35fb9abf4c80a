namespace KubeKernel.Scheduling;

/// <summary>What a PreFilter or PreScore plugin returns: its status and the per-cycle state its Filter or Score reads.</summary>
/// <remarks>Kubernetes keeps this state in <c>CycleState</c> under the plugin's key; here the framework hands it back to the same plugin.</remarks>
/// <param name="Status">Success, Skip, or (from PreFilter) a rejection of the pod on every node.</param>
/// <param name="State">The plugin's per-cycle state, handed to its Filter or Score; null when it needs none.</param>
public readonly record struct PluginResult(Status Status, object? State = null)
{
    /// <summary>Nothing to do for this pod: the framework does not run the plugin's Filter (after PreFilter) or Score (after PreScore) this cycle.</summary>
    public static PluginResult Skip { get; } = new(Status.Skip);

    /// <summary>Success, with <paramref name="state"/> for the plugin's Filter or Score to read.</summary>
    /// <param name="state">The per-cycle state; null when there is none.</param>
    public static PluginResult Ok(object? state) => new(Status.Success, state);
}
