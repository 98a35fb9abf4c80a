using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Invariants;

/// <summary>The parts of a cluster state an invariant's check reads: object kinds, the clock, controllers' memory.</summary>
/// <remarks>
/// The checker uses it to skip work, never to change a verdict: when none of these parts changed, a check that held
/// still holds. The store replaces a kind's table on every write to that kind and keeps the very same table
/// otherwise, so "unchanged" is a reference comparison per kind, or, from a recent ancestor, a look at the kinds the
/// store's write log names: cheap enough to make once per step and invariant.
/// It errs one way only: a rewrite that changes nothing still counts as a change, and the invariant is checked.
/// </remarks>
/// <param name="Kinds">The kinds whose objects the check reads, by <see cref="KindInfo.Kind"/> name (<c>Pod</c>, <c>Service</c>).</param>
public sealed record StateFootprint(ValueList<string> Kinds)
{
    /// <summary><c>Now</c> and the node leases (heartbeats are kept outside the store).</summary>
    public bool Clock { get; init; }

    /// <summary>The controllers whose in-memory state the check reads.</summary>
    public ValueList<string> Memory { get; init; }

    /// <summary>A footprint of these kinds' objects alone: neither the clock nor any controller's memory (add those with <c>with</c>).</summary>
    public static StateFootprint Of(params KindInfo[] kinds) => new(kinds.Select(k => k.Kind).ToValueList());

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> hold the very same values in every part of this footprint.</summary>
    public bool Same(ClusterState a, ClusterState b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (!ReferenceEquals(a.Config, b.Config) || (Clock && (a.Now != b.Now || !a.NodeLeases.SameAs(b.NodeLeases))))
        {
            return false;
        }

        if (!b.Store.Unwritten(a.Store, Kinds))
        {
            return false;
        }

        foreach (var controller in Memory)
        {
            if (!ReferenceEquals(a.Memory.GetValueOrDefault(controller), b.Memory.GetValueOrDefault(controller)))
            {
                return false;
            }
        }

        return true;
    }
}
