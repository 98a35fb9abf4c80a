using System.Globalization;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary>The pod RESTARTS cell: the containers' restarts and when the last one ended, as <c>printPod</c> counts them.</summary>
/// <remarks>
/// | containers                                              | RESTARTS (now = 3m)   |
/// |---------------------------------------------------------|-----------------------|
/// | none restarted                                          | <c>0</c>              |
/// | 3 restarts, last termination finished at 1m             | <c>3 (2m0s ago)</c>   |
/// | 2 restarts, no last termination recorded                | <c>2</c>              |
/// </remarks>
/// <param name="Count">The sum of the containers' <c>restartCount</c> (while the pod initialises, those of the init containers up to the first incomplete one; afterwards its sidecars' and app containers').</param>
/// <param name="LastRestartAt">The latest <c>lastState.terminated.finishedAt</c> among the containers, in logical milliseconds; null when none has one.</param>
internal sealed record PodRestarts(int Count, long? LastRestartAt)
{
    public static PodRestarts Of(Pod pod)
    {
        // While the pod initialises, the restarts of the init containers the printer walked count; afterwards the
        // sidecars' and the app containers'.
        var (initializing, walked) = PodReason.Initializing(pod);
        var counted = PodReason.ReadsAppContainers(pod, initializing)
            ? pod.Status.InitContainerStatuses.Where(c => PodReason.IsSidecar(pod, c)).Concat(pod.Status.ContainerStatuses)
            : pod.Status.InitContainerStatuses.Take(walked);
        var count = 0;
        long? last = null;
        foreach (var container in counted)
        {
            count += container.RestartCount;
            if (container.LastState is { IsTerminated: true, FinishedAt: { } finished })
            {
                last = last is { } l ? Math.Max(l, finished) : finished;
            }
        }

        return new PodRestarts(count, last);
    }

    /// <summary>The cell: the count, with how long ago the last restart was once there has been one.</summary>
    public string Text(long now) => Count != 0 && LastRestartAt is { } at
        ? string.Create(CultureInfo.InvariantCulture, $"{Count} ({CellText.Since(now, at)} ago)")
        : Count.ToString(CultureInfo.InvariantCulture);
}
