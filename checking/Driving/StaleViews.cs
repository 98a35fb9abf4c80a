namespace KubeKernel.Driving;

/// <summary>The earlier states a stale view may show: for each of the latest distinct store revisions, the newest state a step started from.</summary>
/// <remarks>
/// States of a revision at or above a new step's are superseded when that step is remembered (a stale view reaching back
/// past a newer state of a lower revision would skip it), and only the newest <c>depth</c> revisions are kept.
/// </remarks>
internal sealed class StaleViews(int depth)
{
    // Oldest first.
    private readonly List<ClusterState> revisions = [];

    /// <summary>A copy that remembers what this one does and goes on independently.</summary>
    public StaleViews Clone()
    {
        var clone = new StaleViews(depth);
        clone.revisions.AddRange(revisions);
        return clone;
    }

    /// <summary>Keeps <paramref name="before"/>, the state a step started from, as its revision's newest.</summary>
    public void Remember(ClusterState before)
    {
        while (revisions.Count > 0 && revisions[^1].Store.Revision >= before.Store.Revision)
        {
            revisions.RemoveAt(revisions.Count - 1);
        }

        revisions.Add(before);
        if (revisions.Count > depth)
        {
            revisions.RemoveAt(0);
        }
    }

    /// <summary>The kept states of revisions below <paramref name="current"/>'s, newest first.</summary>
    public IEnumerable<ClusterState> Before(ClusterState current)
    {
        for (var i = revisions.Count - 1; i >= 0; i--)
        {
            if (revisions[i].Store.Revision < current.Store.Revision)
            {
                yield return revisions[i];
            }
        }
    }
}
