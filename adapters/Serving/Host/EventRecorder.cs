using System.Globalization;
using k8s.Models;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Commands;

namespace KubeKernel.Adapters.Serving.Host;

/// <summary>Turns the kernel's <c>RecordEvent</c> commands into core/v1 Events, as client-go's event recorder does for each component.</summary>
/// <remarks>
/// An Event is named after the object it is about plus a unique suffix (<c>web-5d4c.1a2b</c>), and carries the first
/// and last timestamps and a count of one: the kernel reports each occurrence once, so there is nothing to aggregate.
/// Its resourceVersion is the store revision of the batch that recorded it.
/// </remarks>
internal sealed class EventRecorder(long firstSequence)
{
    private long sequence = firstSequence;

    public Corev1Event Record(RecordEvent command, long now, long revision)
    {
        sequence++;
        var involved = command.InvolvedObject;
        var time = SimulationClock.ToWire(now);
        var kind = Model.Kinds.Get(involved.Kind);
        return new Corev1Event
        {
            ApiVersion = "v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta
            {
                Name = $"{involved.Name}.{sequence.ToString("x", CultureInfo.InvariantCulture)}",
                NamespaceProperty = involved.Namespace.Length == 0 ? "default" : involved.Namespace,
                Uid = $"event-{sequence.ToString(CultureInfo.InvariantCulture)}",
                ResourceVersion = revision.ToString(CultureInfo.InvariantCulture),
                CreationTimestamp = time,
            },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = kind?.ApiVersion,
                Kind = involved.Kind,
                NamespaceProperty = involved.Namespace.Length == 0 ? null : involved.Namespace,
                Name = involved.Name,
                Uid = involved.Uid.Length == 0 ? null : involved.Uid,
            },
            Type = command.Type,
            Reason = command.Reason,
            Message = command.Message,
            Source = new V1EventSource { Component = command.Source, Host = command.Host },
            ReportingComponent = command.Source,
            ReportingInstance = command.Host ?? string.Empty,
            FirstTimestamp = time,
            LastTimestamp = time,
            Count = 1,
        };
    }
}
