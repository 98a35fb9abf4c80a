using System.Globalization;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary>The small formatting rules every printer shares: ages, integers, and how kubectl prints a cell.</summary>
internal static class CellText
{
    /// <summary><c>translateTimestampSince(creationTimestamp)</c>: the object's age at <paramref name="now"/>.</summary>
    public static string Age(long now, ObjectMeta metadata) => Since(now, metadata.CreationTimestamp);

    /// <summary>The time from <paramref name="instant"/> to <paramref name="now"/>, as kubectl prints ages.</summary>
    public static string Since(long now, long instant) => SimulationClock.Age(now - instant);

    /// <summary>The printers' placeholder for an unset value: <c>&lt;none&gt;</c> for null or empty.</summary>
    public static string OrNone(string? value) => string.IsNullOrEmpty(value) ? "<none>" : value;

    /// <summary>A cell as kubectl prints it: strings verbatim, numbers in invariant digits, booleans as <c>true</c>/<c>false</c> (Go's <c>fmt.Sprint</c>).</summary>
    public static string Format(object cell) => cell switch
    {
        bool b => b ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };
}
