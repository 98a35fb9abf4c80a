namespace KubeKernel.Controllers.Jobs;

/// <summary>The Job controller's in-memory back-off record: failures since the last success and when the last one finished.</summary>
internal sealed record JobBackoffRecord(int FailuresAfterLastSuccess, long? LastFailureTime)
{
    public static JobBackoffRecord None { get; } = new(0, null);
}
