using KubeKernel.Controllers.Jobs;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary>The Job STATUS cell as the v1.32 printer derives it: a finished condition, Terminating, Suspended, FailureTarget, else Running.</summary>
/// <remarks>
/// The v1.32 printer has no <c>SuccessCriteriaMet</c> case (v1.33 adds one after FailureTarget), so a Job that has met its
/// success criteria but still waits for pods to terminate prints <c>Running</c>.
///
/// | conditions (True) / metadata           | STATUS               |
/// |----------------------------------------|----------------------|
/// | Complete                               | <c>Complete</c>      |
/// | FailureTarget, Failed                  | <c>Failed</c>        |
/// | being deleted, FailureTarget           | <c>Terminating</c>   |
/// | Suspended                              | <c>Suspended</c>     |
/// | FailureTarget                          | <c>FailureTarget</c> |
/// | SuccessCriteriaMet                     | <c>Running</c>       |
/// | none                                   | <c>Running</c>       |
/// </remarks>
internal static class JobStatusText
{
    public static string Of(Job job)
    {
        // hasJobCondition: the first condition of the type decides.
        bool Has(string type) => job.Status.FindCondition(type)?.IsTrue == true;
        return Has(JobConditions.Complete) ? "Complete"
            : Has(JobConditions.Failed) ? "Failed"
            : job.Metadata.IsBeingDeleted ? "Terminating"
            : Has(JobConditions.Suspended) ? "Suspended"
            : Has(JobConditions.FailureTarget) ? "FailureTarget"
            : "Running";
    }
}
