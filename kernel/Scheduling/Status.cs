using KubeKernel.Collections;

namespace KubeKernel.Scheduling;

/// <summary>A plugin's verdict: a code, the reasons (as printed in the unschedulable message) and the plugin's name.</summary>
/// <remarks>
/// Filters return the shared <see cref="Success"/> instance, so a node that passes allocates nothing. <see cref="Detail"/>
/// is what the scheduler would only log (e.g. which taint was not tolerated): explanations show it, messages do not.
/// </remarks>
public sealed record Status(StatusCode Code, ValueList<string> Reasons, string Plugin = "", string? Detail = null)
{
    public static Status Success { get; } = new(StatusCode.Success, default);

    public static Status Skip { get; } = new(StatusCode.Skip, default);

    public bool IsSuccess => Code == StatusCode.Success;

    public bool IsSkip => Code == StatusCode.Skip;

    /// <summary>Unschedulable or UnschedulableAndUnresolvable.</summary>
    public bool IsRejected => Code is StatusCode.Unschedulable or StatusCode.UnschedulableAndUnresolvable;

    /// <summary>The reasons joined as <c>Status.Message()</c> joins them.</summary>
    public string Message => string.Join(", ", Reasons);

    public static Status Unschedulable(string plugin, params string[] reasons) => new(StatusCode.Unschedulable, reasons.ToValueList(), plugin);

    public static Status Unresolvable(string plugin, params string[] reasons) => new(StatusCode.UnschedulableAndUnresolvable, reasons.ToValueList(), plugin);
}
