using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Controllers.EndpointSlices;
using KubeKernel.Model;

namespace KubeKernel.Properties.BugZoo;

/// <summary>An EndpointSlice controller that publishes every running pod as ready, whatever its Ready condition says.</summary>
public sealed class EndpointSliceIncludesNotReadyPods() : ViewFilter(new EndpointSliceController())
{
    protected override ClusterState Doctor(ClusterState view) =>
        WithPods(view, p => p with
        {
            Status = p.Status with { Conditions = p.Status.Conditions.Select(c => c.Type == PodConditionTypes.Ready ? c with { Status = ConditionStatus.True } : c).ToValueList() },
        });
}
