namespace KubeKernel.Exploring;

/// <summary>Runs the explorer's independent pieces of work, on one thread or several: the explorer itself never starts a thread.</summary>
/// <remarks>
/// The core is single-threaded by rule (KRN1001); a shell that may use threads (<c>kernelctl explore</c>) passes an
/// implementation that spreads the work over cores. Results do not depend on it: each piece writes only its own slot,
/// and the explorer merges the slots in index order.
/// </remarks>
public interface IExploreWorkers
{
    /// <summary>How many workers there are; each is given to one thread at a time.</summary>
    int Count { get; }

    /// <summary>Calls <paramref name="body"/><c>(worker, index)</c> once for every index below <paramref name="count"/>, and returns when all are done.</summary>
    void ForEach(int count, Action<int, int> body);
}
