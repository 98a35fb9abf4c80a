using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Controllers.EndpointSlices;

/// <summary>What one EndpointSlice reconcile decided: slices to create (unnamed, <c>generateName</c>), to update and to delete.</summary>
/// <remarks><c>Skipped</c> names the pods left out because their node is missing (Kubernetes logs and requeues).</remarks>
internal sealed record SlicePlan(
    ValueList<EndpointSlice> Create,
    ValueList<EndpointSlice> Update,
    ValueList<EndpointSlice> Delete,
    ValueList<string> Skipped)
{
    public bool IsEmpty => Create.IsEmpty && Update.IsEmpty && Delete.IsEmpty;
}
