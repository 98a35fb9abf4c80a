using KubeKernel.Adapters.Manifests;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Host;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>The columns and cells of each resource's Table.</summary>
/// <remarks>Kinds without their own printer get kube-apiserver's default table: NAME and CREATED AT.</remarks>
internal static class TableColumns
{
    public static IReadOnlyList<(string Name, string Type, string Format, string Description, int Priority)> For(ApiResource resource) =>
    [
        ("Name", "string", "name", "Name must be unique within a namespace.", 0),
        ("Created At", "date", string.Empty, "CreationTimestamp is a timestamp representing the server time when this object was created.", 0),
    ];

    public static IReadOnlyList<object?> Cells(ServedItem item, long now)
    {
        var created = item.Object?.Metadata.CreationTimestamp is { } t ? SimulationClock.ToWire(t) : item.Event?.Metadata.CreationTimestamp;
        return [item.Name, created?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)];
    }
}
