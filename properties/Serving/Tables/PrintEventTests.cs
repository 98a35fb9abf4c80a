using k8s.Models;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Adapters.Serving.Tables;

namespace KubeKernel.Properties.Serving.Tables;

/// <summary>Kubernetes' <c>TestPrintEvent</c> cases, on wire Events stamped with the kernel's clock.</summary>
public class PrintEventTests
{
    private const long Now = 600_000;

    private static Corev1Event Event(string name, long? first, long? last, int? count = null, Corev1EventSeries? series = null, DateTime? eventTime = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        InvolvedObject = new V1ObjectReference { Kind = "Deployment", Name = "Foo", FieldPath = "spec.containers{foo}" },
        Source = new V1EventSource { Component = "kubelet", Host = "Node1" },
        Type = "Normal",
        Reason = "Event Reason",
        Message = "Message Data",
        FirstTimestamp = SimulationClock.ToWire(first),
        LastTimestamp = SimulationClock.ToWire(last),
        EventTime = eventTime,
        Count = count,
        Series = series,
    };

    [Fact]
    public void TestPrintEvent_basic_event_with_wide_columns()
    {
        var e = Event("event1", first: Now - 180_000, last: Now - 120_000, count: 6);
        Assert.Equal(["2m0s", "Normal", "Event Reason", "deployment/Foo", "spec.containers{foo}", "kubelet, Node1", "Message Data", "3m0s", 6L, "event1"], ResourceTables.EventCells(e, Now));
    }

    [Fact]
    public void TestPrintEvent_a_singleton_event_from_the_new_API_counts_one_and_falls_back_to_eventTime()
    {
        var e = Event("event2", first: null, last: null, eventTime: SimulationClock.ToWire(Now - 60_000)) with { Source = null, ReportingComponent = "kubelet", ReportingInstance = "Node1" };
        Assert.Equal(["60s", "Normal", "Event Reason", "deployment/Foo", "spec.containers{foo}", "kubelet, Node1", "Message Data", "60s", 1L, "event2"], ResourceTables.EventCells(e, Now));
    }

    [Fact]
    public void TestPrintEvent_a_series_gives_the_last_observed_time_and_its_count()
    {
        var e = Event("event3", first: Now - 300_000, last: Now - 240_000, count: 1, series: new Corev1EventSeries { Count = 2, LastObservedTime = SimulationClock.ToWire(Now - 30_000) });
        Assert.Equal(["30s", 2L], ResourceTables.EventCells(e, Now).Where((_, i) => i is 0 or 8));
    }

    [Fact]
    public void An_event_without_timestamps_is_unknown_and_one_about_a_kind_without_name_names_the_kind()
    {
        var e = Event("event4", first: null, last: null) with { InvolvedObject = new V1ObjectReference { Kind = "Node" }, Source = new V1EventSource { Component = "node-controller" }, Message = "  padded \n" };
        var cells = ResourceTables.EventCells(e, Now);
        Assert.Equal(["<unknown>", "node", "node-controller", "padded", "<unknown>"], cells.Where((_, i) => i is 0 or 3 or 5 or 6 or 7));
    }

    [Fact]
    public void Kubectl_get_events_shows_last_seen_type_reason_object_and_message()
    {
        Assert.Equal(["Last Seen", "Type", "Reason", "Object", "Message"], ResourceTables.EventColumns.Where(c => c.Priority == 0).Select(c => c.Name));
    }
}
