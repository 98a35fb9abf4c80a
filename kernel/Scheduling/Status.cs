using KubeKernel.Collections;

namespace KubeKernel.Scheduling;

/// <summary>A plugin's verdict: a code, the reasons (as printed in the unschedulable message) and the plugin's name.</summary>
public sealed record Status(StatusCode Code, ValueList<string> Reasons, string Plugin = "")
{
    public static Status Success { get; } = new(StatusCode.Success, default);

    public bool IsSuccess => Code == StatusCode.Success;

    public static Status Unschedulable(string plugin, params string[] reasons) => new(StatusCode.Unschedulable, reasons.ToValueList(), plugin);

    public static Status Unresolvable(string plugin, params string[] reasons) => new(StatusCode.UnschedulableAndUnresolvable, reasons.ToValueList(), plugin);
}
