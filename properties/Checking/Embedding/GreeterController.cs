using System.Globalization;
using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Model;
using KubeKernel.Store;

namespace KubeKernel.Properties.Checking.Embedding;

/// <summary>The embedding example's controller: pods <c>NAME-0 … NAME-(replicas-1)</c>, owned by the Greeter, and the count of ready ones in status.</summary>
/// <remarks><c>offByOne</c> makes it keep one pod too many: the bug the worked example's checker run catches.</remarks>
public sealed class GreeterController(bool offByOne = false) : IController
{
    public const string ControllerName = "greeter-controller";

    public string Name => ControllerName;

    public IEnumerable<string> KeysFor(StoreChange change, ClusterState view) => change.Object switch
    {
        Greeter g => [g.Key.NamespacedName],
        Pod { Metadata.ControllerRef: { Kind: "Greeter" } owner } pod => [$"{pod.Metadata.Namespace}/{owner.Name}"],
        _ => [],
    };

    public ReconcileResult Reconcile(ClusterState view, string key)
    {
        if (view.Store.Get(ObjectKey.Parse(Greeter.Greeters.Kind, key)) is not Greeter greeter)
        {
            return ReconcileResult.Nothing;
        }

        var wanted = greeter.Replicas + (offByOne ? 1 : 0);
        var pods = view.Store.List<Pod>(greeter.Metadata.Namespace).Where(p => p.Metadata.ControllerRef?.Uid == greeter.Metadata.Uid).ToDictionary(p => p.Metadata.Name);
        var writes = new List<Write>();
        for (var i = 0; i < wanted; i++)
        {
            if (!pods.ContainsKey(PodName(greeter, i)))
            {
                writes.Add(new CreateObject(NewPod(greeter, i)));
            }
        }

        foreach (var pod in pods.Values.Where(p => Index(greeter, p) >= wanted && !p.Metadata.IsBeingDeleted))
        {
            writes.Add(new DeleteObject(pod.Key, pod.Metadata.Uid));
        }

        // Pods of an earlier Greeter of the same name block the names; delete them, as the garbage collector would.
        foreach (var orphan in view.Store.List<Pod>(greeter.Metadata.Namespace).Where(p => p.Metadata.ControllerRef is { Kind: "Greeter" } o && o.Name == greeter.Metadata.Name && o.Uid != greeter.Metadata.Uid && !p.Metadata.IsBeingDeleted))
        {
            writes.Add(new DeleteObject(orphan.Key, orphan.Metadata.Uid));
        }

        var ready = pods.Values.Count(p => p.IsReady && !p.Metadata.IsBeingDeleted);
        if (ready != greeter.ReadyReplicas)
        {
            writes.Add(new UpdateStatus(greeter with { ReadyReplicas = ready }));
        }

        return new ReconcileResult([.. writes]);
    }

    private static string PodName(Greeter g, int i) => string.Create(CultureInfo.InvariantCulture, $"{g.Metadata.Name}-{i}");

    private static int Index(Greeter g, Pod p) =>
        int.TryParse(p.Metadata.Name.AsSpan(g.Metadata.Name.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue;

    private static Pod NewPod(Greeter g, int i) => new(
        new ObjectMeta
        {
            Name = PodName(g, i),
            Namespace = g.Metadata.Namespace,
            Labels = ValueMap.Of(("app", g.Metadata.Name)),
            OwnerReferences = [new OwnerReference(g.Info.ApiVersion, g.Kind, g.Metadata.Name, g.Metadata.Uid, Controller: true, BlockOwnerDeletion: true)],
        },
        new PodSpec
        {
            Containers = [new Container { Name = "greet", Image = "busybox", Resources = new ResourceRequirements(ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse("100m")), default) }],
        },
        new PodStatus());
}
