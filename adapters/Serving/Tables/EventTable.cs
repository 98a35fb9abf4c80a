using k8s.Models;
using KubeKernel.Adapters.Manifests;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>kubectl get events</c>: LAST SEEN TYPE REASON OBJECT MESSAGE | wide: SUBOBJECT SOURCE FIRST SEEN COUNT NAME.</summary>
/// <remarks>
/// Events are read from their wire form, as the API server stores them. The wide columns sit between the others, in the
/// printer's order, and the NAME column is wide too: <c>kubectl get events</c> names no event.
/// </remarks>
internal static class EventTable
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        TableColumn.Text("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
        TableColumn.Text("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
        TableColumn.Text("Reason", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
        TableColumn.Text("Object", "The object that this event is about."),
        TableColumn.Text("Subobject", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].", TableColumn.Wide),
        TableColumn.Text("Source", "The component reporting this event.", TableColumn.Wide),
        TableColumn.Text("Message", "A human-readable description of the status of this operation."),
        TableColumn.Text("First Seen", "The time at which the event was first recorded.", TableColumn.Wide),
        TableColumn.Text("Count", "The number of times this event has occurred.", TableColumn.Wide),
        CommonColumns.Name with { Priority = TableColumn.Wide },
    ];

    public static IReadOnlyList<object> Cells(Corev1Event e, long now)
    {
        var first = Since(now, e.FirstTimestamp ?? e.EventTime);
        var last = e.LastTimestamp is null ? first : Since(now, e.LastTimestamp);
        long count = e.Count ?? 0;
        if (e.Series is { } series)
        {
            last = Since(now, series.LastObservedTime);
            count = series.Count ?? 0;
        }
        else if (count == 0)
        {
            // Events written through events.k8s.io carry no count when they happened once.
            count = 1;
        }

        var kind = e.InvolvedObject?.Kind?.ToLowerInvariant() ?? string.Empty;
        var name = e.InvolvedObject?.Name;
        return
        [
            last,
            e.Type ?? string.Empty,
            e.Reason ?? string.Empty,
            string.IsNullOrEmpty(name) ? kind : $"{kind}/{name}",
            e.InvolvedObject?.FieldPath ?? string.Empty,
            Source(e),
            e.Message?.Trim() ?? string.Empty,
            first,
            count,
            e.Metadata?.Name ?? string.Empty,
        ];
    }

    /// <summary><c>translateTimestampSince</c>: <c>&lt;unknown&gt;</c> for an unset timestamp.</summary>
    private static string Since(long now, DateTime? time) => time is null ? "<unknown>" : CellText.Since(now, SimulationClock.FromWire(time)!.Value);

    /// <summary><c>formatEventSource</c>: component and host, each falling back to the reporting controller and instance; the host only when known.</summary>
    private static string Source(Corev1Event e)
    {
        var component = FirstNonEmpty(e.Source?.Component, e.ReportingComponent);
        var instance = FirstNonEmpty(e.Source?.Host, e.ReportingInstance);
        return instance.Length == 0 ? component : $"{component}, {instance}";
    }

    private static string FirstNonEmpty(string? first, string? second) =>
        !string.IsNullOrEmpty(first) ? first : second ?? string.Empty;
}
