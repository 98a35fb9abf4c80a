using KubeKernel.Adapters.Serving.Host;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Api;

/// <summary>A <c>fieldSelector</c> query parameter: <c>metadata.name=web</c>, <c>involvedObject.uid=…,type!=Normal</c>.</summary>
/// <remarks>
/// Each resource supports the field labels kube-apiserver's registry gives it (<c>metadata.name</c> and
/// <c>metadata.namespace</c> everywhere; <c>spec.nodeName</c> and <c>status.phase</c> on pods; the <c>involvedObject.*</c>,
/// <c>reason</c>, <c>type</c> and <c>source</c> fields on events). Any other label is refused as kube-apiserver refuses it.
/// </remarks>
internal sealed class FieldSelectorQuery
{
    private readonly List<(string Field, string Value, bool Negate)> requirements = [];

    private FieldSelectorQuery()
    {
    }

    public static (FieldSelectorQuery? Selector, string? Error) Parse(string? text, ApiResource resource)
    {
        var selector = new FieldSelectorQuery();
        foreach (var raw in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (op, negate) = raw.Contains("!=", StringComparison.Ordinal) ? ("!=", true) : raw.Contains("==", StringComparison.Ordinal) ? ("==", false) : ("=", false);
            var at = raw.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                return (null, $"invalid selector: '{raw}'; can't understand '{raw}'");
            }

            var field = raw[..at].Trim();
            if (!Supported(resource, field))
            {
                return (null, $"field label not supported: {field}");
            }

            selector.requirements.Add((field, raw[(at + op.Length)..].Trim(), negate));
        }

        return (selector, null);
    }

    public bool Matches(ServedItem item) => requirements.TrueForAll(r => (Value(item, r.Field) == r.Value) != r.Negate);

    private static bool Supported(ApiResource resource, string field) => field is "metadata.name" or "metadata.namespace" || resource.Info.Kind switch
    {
        "Pod" => field is "spec.nodeName" or "status.phase",
        "Event" => field.StartsWith("involvedObject.", StringComparison.Ordinal) || field is "reason" or "type" or "source" or "reportingComponent",
        _ => false,
    };

    private static string Value(ServedItem item, string field) => field switch
    {
        "metadata.name" => item.Name,
        "metadata.namespace" => item.Namespace,
        "spec.nodeName" => (item.Object as Pod)?.Spec.NodeName ?? string.Empty,
        "status.phase" => (item.Object as Pod)?.Status.Phase.ToString() ?? string.Empty,
        "involvedObject.name" => item.Event?.InvolvedObject?.Name ?? string.Empty,
        "involvedObject.namespace" => item.Event?.InvolvedObject?.NamespaceProperty ?? string.Empty,
        "involvedObject.kind" => item.Event?.InvolvedObject?.Kind ?? string.Empty,
        "involvedObject.uid" => item.Event?.InvolvedObject?.Uid ?? string.Empty,
        "involvedObject.apiVersion" => item.Event?.InvolvedObject?.ApiVersion ?? string.Empty,
        "involvedObject.resourceVersion" => item.Event?.InvolvedObject?.ResourceVersion ?? string.Empty,
        "involvedObject.fieldPath" => item.Event?.InvolvedObject?.FieldPath ?? string.Empty,
        "reason" => item.Event?.Reason ?? string.Empty,
        "type" => item.Event?.Type ?? string.Empty,
        "source" => item.Event?.Source?.Component ?? string.Empty,
        "reportingComponent" => item.Event?.ReportingComponent ?? string.Empty,
        _ => string.Empty,
    };
}
