using k8s.Models;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary>The <c>meta.k8s.io/v1</c> Table columns and cells of every kind, as the kube-apiserver's printers (v1.32) make them.</summary>
/// <remarks>
/// The API server prints every row wide (kubectl hides the priority-1 columns itself), so each row has a cell for every
/// column. Cells are strings, <see cref="long"/> integers or booleans, as the printers emit them; <see cref="CellText.Format"/>
/// prints one as kubectl does.
/// </remarks>
internal static class ResourceTables
{
    /// <summary>The columns of <paramref name="kind"/> (e.g. <c>Deployment</c>), in the printer's order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a kind this kernel does not serve.</exception>
    public static IReadOnlyList<TableColumn> Columns(string kind) => kind switch
    {
        nameof(Pod) => PodTable.Columns,
        nameof(Deployment) => DeploymentTable.Columns,
        nameof(ReplicaSet) => ReplicaSetTable.Columns,
        nameof(Job) => JobTable.Columns,
        nameof(Service) => ServiceTable.Columns,
        nameof(Node) => NodeTable.Columns,
        nameof(Namespace) => NamespaceTable.Columns,
        nameof(EndpointSlice) => EndpointSliceTable.Columns,
        nameof(ServiceAccount) => ServiceAccountTable.Columns,
        nameof(Ingress) => IngressTable.Columns,
        nameof(IngressClass) => IngressClassTable.Columns,
        nameof(PriorityClass) => PriorityClassTable.Columns,
        nameof(PersistentVolume) => PersistentVolumeTable.Columns,
        nameof(PersistentVolumeClaim) => PersistentVolumeClaimTable.Columns,
        nameof(ConfigMap) => ConfigMapTable.Columns,
        nameof(Secret) => SecretTable.Columns,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind this kernel serves"),
    };

    /// <summary>The cells of <paramref name="obj"/>'s row at logical time <paramref name="now"/> (<c>ClusterState.Now</c>), one per column of its kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an object of a kind this kernel does not serve.</exception>
    public static IReadOnlyList<object> Cells(KubeObject obj, long now) => obj switch
    {
        Pod pod => PodTable.Cells(pod, now),
        Deployment deployment => DeploymentTable.Cells(deployment, now),
        ReplicaSet replicaSet => ReplicaSetTable.Cells(replicaSet, now),
        Job job => JobTable.Cells(job, now),
        Service service => ServiceTable.Cells(service, now),
        Node node => NodeTable.Cells(node, now),
        Namespace ns => NamespaceTable.Cells(ns, now),
        EndpointSlice slice => EndpointSliceTable.Cells(slice, now),
        ServiceAccount account => ServiceAccountTable.Cells(account, now),
        Ingress ingress => IngressTable.Cells(ingress, now),
        IngressClass ingressClass => IngressClassTable.Cells(ingressClass, now),
        PriorityClass priorityClass => PriorityClassTable.Cells(priorityClass, now),
        PersistentVolume volume => PersistentVolumeTable.Cells(volume, now),
        PersistentVolumeClaim claim => PersistentVolumeClaimTable.Cells(claim, now),
        ConfigMap configMap => ConfigMapTable.Cells(configMap, now),
        Secret secret => SecretTable.Cells(secret, now),
        _ => throw new ArgumentOutOfRangeException(nameof(obj), obj.Kind, "not a kind this kernel serves"),
    };

    /// <summary>The columns of core/v1 Events.</summary>
    public static IReadOnlyList<TableColumn> EventColumns => EventTable.Columns;

    /// <summary>The cells of one core/v1 Event's row at logical time <paramref name="now"/>.</summary>
    public static IReadOnlyList<object> EventCells(Corev1Event e, long now) => EventTable.Cells(e, now);
}
