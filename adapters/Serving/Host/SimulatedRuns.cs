using KubeKernel.Collections;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Adapters.Serving.Host;

/// <summary>
/// How long serve's simulated containers run: a Job's pods finish (exit 0) after <see cref="JobRunMillis"/>, so
/// <c>kubectl create job</c> completes; every other container runs until it is stopped, as a server's would.
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
