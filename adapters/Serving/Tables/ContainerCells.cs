using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary>The printers' <c>layoutContainerCells</c>: a template's container names and images, each comma-joined on one line.</summary>
internal static class ContainerCells
{
    public static (string Names, string Images) Of(ValueList<Container> containers) =>
        (string.Join(",", containers.Select(c => c.Name)), string.Join(",", containers.Select(c => c.Image)));
}
