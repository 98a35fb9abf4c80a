using KubeKernel.Controllers;
using KubeKernel.Model;

namespace KubeKernel.Invariants;

/// <summary>Invariants of namespaces and what lives in them.</summary>
internal static class NamespaceInvariants
{
    /// <summary>The namespace table: a step that left it as it was can only have made homeless the objects it wrote.</summary>
    private static readonly StateFootprint Namespaces = StateFootprint.Of(Kinds.Namespace);

    public static Invariant ContentHasNamespace { get; } = new(
        "NamespacedObjectsHaveNamespace",
        "Every namespaced object lives in a namespace that exists: the namespace controller finalizes a namespace only once its content is gone, and the API server admits nothing into a missing one.",
        InvariantKind.Safety,
        (before, state) => before is not null && before.Store.Revision == state.Store.Revision ? [] : Homeless(state, state.Store.All()))
    {
        Concerns = [ControllerNames.Namespace],
        Incremental = HomelessSinceHeld,
    };

    /// <remarks>Every write reaches it and nearly none makes anything homeless: a loop, and a list only for a violation.</remarks>
    private static IEnumerable<string> HomelessSinceHeld(ClusterState held, ClusterState state)
    {
        if (held.Store.Revision == state.Store.Revision)
        {
            return [];
        }

        if (!Namespaces.Same(held, state))
        {
            return Homeless(state, state.Store.All());
        }

        List<string>? found = null;
        foreach (var (_, obj) in state.Store.ChangedSince(held.Store))
        {
            if (obj is not null && IsHomeless(state, obj))
            {
                (found ??= []).Add(Describe(obj));
            }
        }

        return found ?? [];
    }

    private static IEnumerable<string> Homeless(ClusterState state, IEnumerable<KubeObject> objects) =>
        objects.Where(o => IsHomeless(state, o)).Select(Describe);

    private static bool IsHomeless(ClusterState state, KubeObject obj) =>
        obj.Info.Namespaced && state.Store.Get<Namespace>(string.Empty, obj.Metadata.Namespace) is null;

    private static string Describe(KubeObject obj) => $"{obj.Key} lives in namespace {obj.Metadata.Namespace}, which does not exist";
}
