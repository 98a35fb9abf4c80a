using KubeKernel.Collections;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Adapters;

/// <summary>
/// How long simulated containers run when nothing says otherwise, in <c>simulate -f</c> and <c>serve</c>: a Job's pods
/// finish (exit 0) after <see cref="JobRunMillis"/>, so a Job completes (the pi Job, <c>kubectl create job</c>); every
/// other container runs until it is stopped. A scenario's <c>exit-after</c> steps say otherwise where they apply.
/// </summary>
/// <remarks>Until pods run as real processes (<c>--runtime process</c>), the simulated runtime decides when containers exit.</remarks>
internal static class SimulatedRuns
{
    public const long JobRunMillis = 2000;

    public static ExitAfterStep JobsFinish { get; } = new(
        new PodSelector(new LabelSelector(default, [new LabelSelectorRequirement(JobMath.JobNameLabel, LabelSelectorOperator.Exists, default)])),
        Container: null,
        ExitCode: 0,
        AfterMillis: JobRunMillis);
}
