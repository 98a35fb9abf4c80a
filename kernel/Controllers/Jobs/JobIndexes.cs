using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Controllers.Jobs;

/// <summary>
/// Indexed completion (<c>indexed_job_utils.go</c>): each index <c>0 … completions−1</c> must succeed once, so
/// successes are counted by index, new pods take the lowest pending indexes, and pods without a valid index, or
/// repeating one, are the first to go.
/// </summary>
/// <remarks>For a NonIndexed Job every pod is valid and the removal order alone decides.</remarks>
internal static class JobIndexes
{
    /// <summary>Whether the pod counts for the Job: always for NonIndexed, with an index below <c>completions</c> for Indexed.</summary>
    public static bool IsValid(JobSyncContext sync, Pod pod) =>
        !sync.Indexed || (JobMath.CompletionIndex(pod) is { } ix && ix < sync.Completions);

    /// <summary><c>calculateSucceededIndexes</c>: those already in <c>status.completedIndexes</c> plus the indexes of succeeded pods.</summary>
    public static SortedSet<int> Succeeded(JobSyncContext sync, IEnumerable<Pod> pods)
    {
        var indexes = JobMath.ParseIndexes(sync.Job.Status.CompletedIndexes, sync.Completions);
        foreach (var pod in pods.Where(p => p.Status.Phase == PodPhase.Succeeded))
        {
            if (JobMath.CompletionIndex(pod) is { } ix && ix < sync.Completions)
            {
                indexes.Add(ix);
            }
        }

        return indexes;
    }

    /// <summary><c>firstPendingIndexes</c>: the lowest indexes with neither a success nor an active pod.</summary>
    public static IEnumerable<int> FirstPending(JobSyncContext sync, IReadOnlyList<Pod> active, IReadOnlySet<int> succeeded, int count)
    {
        var taken = new HashSet<int>(succeeded);
        foreach (var pod in active)
        {
            if (JobMath.CompletionIndex(pod) is { } ix)
            {
                taken.Add(ix);
            }
        }

        return Enumerable.Range(0, sync.Completions).Where(i => !taken.Contains(i)).Take(count);
    }

    /// <summary>
    /// <c>activePodsForRemoval</c>: for an Indexed Job, pods with a missing, out-of-range or repeated index, whatever
    /// <paramref name="atLeast"/> says; then, up to <paramref name="atLeast"/>, the rest by <see cref="JobMath.RemovalOrder"/>.
    /// </summary>
    public static IEnumerable<Pod> ActivePodsForRemoval(JobSyncContext sync, IReadOnlyList<Pod> active, int atLeast)
    {
        var order = JobMath.RemovalOrder(sync.Now);
        var (remove, left) = sync.Indexed ? InvalidOrRepeated(sync, active, order) : ([], active);
        if (remove.Count < atLeast)
        {
            remove.AddRange(left.Order(order).Take(atLeast - remove.Count));
        }

        return remove;
    }

    /// <summary>The pods without a valid index or repeating one, and one pod per valid index (the one that sorts last, so is removed last) to keep.</summary>
    private static (List<Pod> Remove, IReadOnlyList<Pod> Keep) InvalidOrRepeated(JobSyncContext sync, IReadOnlyList<Pod> active, IComparer<Pod> order)
    {
        var remove = new List<Pod>();
        var keep = new List<Pod>();
        foreach (var group in active.GroupBy(p => JobMath.CompletionIndex(p)))
        {
            if (group.Key is not { } ix || ix >= sync.Completions)
            {
                remove.AddRange(group);
                continue;
            }

            var sorted = group.Order(order).ToList();
            remove.AddRange(sorted.Take(sorted.Count - 1));
            keep.Add(sorted[^1]);
        }

        return (remove, keep);
    }
}
