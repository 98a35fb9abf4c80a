namespace KubeKernel.Controllers.Jobs;

/// <summary>Job condition types, reasons and messages, as the Job controller writes them.</summary>
internal static class JobConditions
{
    public const string Complete = "Complete";
    public const string Failed = "Failed";
    public const string SuccessCriteriaMet = "SuccessCriteriaMet";
    public const string FailureTarget = "FailureTarget";
    public const string Suspended = "Suspended";

    public const string CompletionsReached = "CompletionsReached";
    public const string CompletionsReachedMessage = "Reached expected number of succeeded pods";
    public const string BackoffLimitExceeded = "BackoffLimitExceeded";
    public const string BackoffLimitExceededMessage = "Job has reached the specified backoff limit";
    public const string DeadlineExceeded = "DeadlineExceeded";
    public const string DeadlineExceededMessage = "Job was active longer than specified deadline";
    public const string PodFailurePolicy = "PodFailurePolicy";
    public const string JobSuspended = "JobSuspended";
    public const string JobResumed = "JobResumed";
}
