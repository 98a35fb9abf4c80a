namespace KubeKernel.Scheduling;

/// <summary>The scheduler's sizing and timing arithmetic: how many nodes to examine, back-off, preemption candidates.</summary>
internal static class SchedulingMath
{
    /// <summary><c>minFeasibleNodesToFind</c>.</summary>
    public const int MinFeasibleNodesToFind = 100;

    /// <summary><c>minFeasibleNodesPercentageToFind</c>.</summary>
    public const int MinFeasibleNodesPercentageToFind = 5;

    /// <summary><c>DefaultPreemptionArgs.minCandidateNodesPercentage</c>.</summary>
    public const int MinCandidateNodesPercentage = 10;

    /// <summary><c>DefaultPreemptionArgs.minCandidateNodesAbsolute</c>.</summary>
    public const int MinCandidateNodesAbsolute = 100;

    /// <summary>How many feasible nodes a cycle looks for before it stops filtering (<c>numFeasibleNodesToFind</c>).</summary>
    /// <remarks>
    /// With <c>percentageOfNodesToScore</c> 0 (adaptive) the percentage is 50 − nodes/125, at least 5, and the result at least 100.
    ///
    /// | nodes | percentage | nodes to find |
    /// |-------|------------|---------------|
    /// | 50    | —          | 50 (all)      |
    /// | 500   | 46         | 230           |
    /// | 1000  | 42         | 420           |
    /// | 5000  | 10         | 500           |
    /// | 6000  | 5          | 300           |
    /// </remarks>
    public static int NumFeasibleNodesToFind(int numAllNodes, int percentageOfNodesToScore = 0)
    {
        if (numAllNodes < MinFeasibleNodesToFind || percentageOfNodesToScore >= 100)
        {
            return numAllNodes;
        }

        var percentage = percentageOfNodesToScore;
        if (percentage <= 0)
        {
            percentage = Math.Max(MinFeasibleNodesPercentageToFind, 50 - (numAllNodes / 125));
        }

        return Math.Max((int)((long)numAllNodes * percentage / 100), MinFeasibleNodesToFind);
    }

    /// <summary>The back-off after <paramref name="attempts"/> failed attempts: initial × 2^(attempts−1), at most max.</summary>
    /// <remarks>
    /// | attempts | back-off (1 s initial, 10 s max) |
    /// |----------|----------------------------------|
    /// | 1        | 1 s                              |
    /// | 2        | 2 s                              |
    /// | 4        | 8 s                              |
    /// | 5        | 10 s                             |
    /// </remarks>
    public static long BackoffSeconds(int attempts, long initialSeconds, long maxSeconds)
    {
        if (attempts <= 0)
        {
            return 0;
        }

        var backoff = initialSeconds;
        for (var i = 1; i < attempts && backoff < maxSeconds; i++)
        {
            backoff *= 2;
        }

        return Math.Min(backoff, maxSeconds);
    }

    /// <summary>How many preemption candidates the dry run looks for (<c>calculateNumCandidates</c>): 10% of the nodes, at least 100, at most all.</summary>
    /// <remarks>
    /// | potential nodes | candidates |
    /// |-----------------|------------|
    /// | 3               | 3          |
    /// | 500             | 100        |
    /// | 5000            | 500        |
    /// </remarks>
    public static int NumPreemptionCandidates(int numNodes) =>
        Math.Min(numNodes, Math.Max(numNodes * MinCandidateNodesPercentage / 100, MinCandidateNodesAbsolute));
}
