namespace KubeKernel.Controllers;

/// <summary>Kubernetes' <c>slowStartBatch</c> as write stages: batches of 1, 2, 4, 8 … calls, stopping after the first batch with a failure.</summary>
/// <remarks>
/// A controller that would create many pods against a failing API (a terminating namespace, a quota) makes one
/// call, not hundreds. The calls of a batch run "in parallel" (all are issued even if one fails); the
/// <see cref="ControllerRunner"/> skips every later batch.
/// | calls | batches (stage: size) |
/// |-------|-----------------------|
/// | 1     | 1:1                   |
/// | 3     | 1:1, 2:2              |
/// | 10    | 1:1, 2:2, 3:4, 4:3    |
/// </remarks>
internal static class SlowStart
{
    /// <summary><c>SlowStartInitialBatchSize</c>.</summary>
    public const int InitialBatchSize = 1;

    /// <summary>The writes with their stages set, the first batch at <paramref name="firstStage"/>; and the first stage after them.</summary>
    public static (IReadOnlyList<Write> Writes, int NextStage) Batches(IEnumerable<Write> writes, int firstStage = 1)
    {
        var staged = new List<Write>();
        var stage = firstStage;
        var batch = InitialBatchSize;
        var inBatch = 0;
        foreach (var write in writes)
        {
            if (inBatch == batch)
            {
                stage++;
                batch *= 2;
                inBatch = 0;
            }

            staged.Add(write with { Stage = stage });
            inBatch++;
        }

        return (staged, staged.Count == 0 ? firstStage : stage + 1);
    }
}
