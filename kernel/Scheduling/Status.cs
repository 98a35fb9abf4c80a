using KubeKernel.Collections;

namespace KubeKernel.Scheduling;

/// <summary>A plugin's verdict: a code, the reasons (as printed in the unschedulable message) and the plugin's name.</summary>
/// <remarks>
/// Filters return the shared <see cref="Success"/> instance, so a node that passes allocates nothing. <see cref="Detail"/>
/// is what the scheduler would only log (e.g. which taint was not tolerated): explanations show it, messages do not.
/// </remarks>
/// <param name="Code">The verdict.</param>
/// <param name="Reasons">Why the pod was rejected, each as the unschedulable message prints it (e.g. <c>Insufficient cpu</c>); empty on success.</param>
/// <param name="Plugin">The rejecting plugin's name, which decides the events the pod then waits for; empty on success.</param>
/// <param name="Detail">What Kubernetes would only log; shown in explanations, never in messages. Plugins usually fill it only when <see cref="CycleContext.Explain"/> is set.</param>
public sealed record Status(StatusCode Code, ValueList<string> Reasons, string Plugin = "", string? Detail = null)
{
    /// <summary>The shared passing status: a filter admits the node, a PreFilter or PreScore ran.</summary>
    public static Status Success { get; } = new(StatusCode.Success, default);

    /// <summary>The shared Skip status: the plugin's Filter or Score has nothing to do for this pod.</summary>
    public static Status Skip { get; } = new(StatusCode.Skip, default);

    /// <summary>Whether the code is <see cref="StatusCode.Success"/>.</summary>
    public bool IsSuccess => Code == StatusCode.Success;

    /// <summary>Whether the code is <see cref="StatusCode.Skip"/>.</summary>
    public bool IsSkip => Code == StatusCode.Skip;

    /// <summary>Unschedulable or UnschedulableAndUnresolvable.</summary>
    public bool IsRejected => Code is StatusCode.Unschedulable or StatusCode.UnschedulableAndUnresolvable;

    /// <summary>The reasons joined as <c>Status.Message()</c> joins them.</summary>
    public string Message => string.Join(", ", Reasons);

    /// <summary>A rejection that preemption might resolve, e.g. <c>Insufficient cpu</c>.</summary>
    /// <param name="plugin">The rejecting plugin's name.</param>
    /// <param name="reasons">The reasons, as the unschedulable message prints them.</param>
    public static Status Unschedulable(string plugin, params string[] reasons) => new(StatusCode.Unschedulable, reasons.ToValueList(), plugin);

    /// <summary>An UnschedulableAndUnresolvable rejection: preemption does not consider the node, e.g. an untolerated taint.</summary>
    /// <param name="plugin">The rejecting plugin's name.</param>
    /// <param name="reasons">The reasons, as the unschedulable message prints them.</param>
    public static Status Unresolvable(string plugin, params string[] reasons) => new(StatusCode.UnschedulableAndUnresolvable, reasons.ToValueList(), plugin);
}
