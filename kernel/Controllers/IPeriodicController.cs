namespace KubeKernel.Controllers;

/// <summary>A controller that also runs a periodic loop no watch event drives (a <c>wait.Until</c> started by its <c>Run</c>), kept as timers.</summary>
/// <remarks>
/// Each turn of the loop is a timer its reconcile re-arms, so a lost watch notification cannot stop it. A crash in that
/// reconcile can: the process dies before it re-arms the timer. So a restarted controller arms its loop again
/// (<see cref="LoopTimers"/>), as Kubernetes' <c>Run</c> starts the loop again in the new process, whatever its informers
/// deliver. Every delay is at least 1 ms, so that the key arrives as a timer that falls due, like every other turn of the
/// loop, and not as work queued at once like a watch notification.
/// </remarks>
internal interface IPeriodicController : IController
{
    /// <summary>The loop's timers in a controller that has just started: the keys it looks at and after how many logical milliseconds (at least 1).</summary>
    IEnumerable<(string Key, long DelayMillis)> LoopTimers(ClusterState view);
}
