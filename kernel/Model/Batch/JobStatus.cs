using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A Job's observed state.</summary>
public sealed record JobStatus(
    int Active = 0,
    int Ready = 0,
    int Succeeded = 0,
    int Failed = 0,
    int Terminating = 0,
    long? StartTime = null,
    long? CompletionTime = null,
    ValueList<Condition> Conditions = default,
    string? CompletedIndexes = null,
    string? FailedIndexes = null,
    UncountedTerminatedPods? UncountedTerminatedPods = null)
{
    public Condition? FindCondition(string type) => Conditions.FirstOrDefault(c => c.Type == type);
}
