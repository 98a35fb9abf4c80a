using System.Globalization;
using System.Text.Json.Nodes;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>The <c>autoscaling/v1</c> Scale of a Deployment or ReplicaSet, as the <c>scale</c> subresource serves it.</summary>
internal static class ScaleBody
{
    public static JsonObject From(KubeObject obj)
    {
        var (desired, current, selector) = obj switch
        {
            Deployment d => (d.Spec.DesiredReplicas, d.Status.Replicas, d.Spec.Selector),
            ReplicaSet rs => (rs.Spec.DesiredReplicas, rs.Status.Replicas, rs.Spec.Selector),
            _ => (0, 0, null),
        };
        var meta = obj.Metadata;
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = meta.Name,
                ["namespace"] = meta.Namespace,
                ["uid"] = meta.Uid,
                ["resourceVersion"] = meta.ResourceVersion.ToString(CultureInfo.InvariantCulture),
                ["creationTimestamp"] = Manifests.SimulationClock.ToWire(meta.CreationTimestamp).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            },
            ["spec"] = new JsonObject { ["replicas"] = desired },
            ["status"] = new JsonObject { ["replicas"] = current, ["selector"] = selector is null ? string.Empty : SelectorText(selector) },
        };
    }

    /// <summary>A label selector in its string form (<c>app=web,tier in (a,b)</c>), as Scale's <c>status.selector</c> carries it.</summary>
    private static string SelectorText(LabelSelector selector) => string.Join(",", selector.MatchLabels.Select(p => $"{p.Key}={p.Value}")
        .Concat(selector.MatchExpressions.Select(e => e.Operator switch
        {
            LabelSelectorOperator.In => $"{e.Key} in ({string.Join(",", e.Values)})",
            LabelSelectorOperator.NotIn => $"{e.Key} notin ({string.Join(",", e.Values)})",
            LabelSelectorOperator.Exists => e.Key,
            _ => $"!{e.Key}",
        })));
}
