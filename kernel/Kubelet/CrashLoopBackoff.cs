namespace KubeKernel.Kubelet;

/// <summary>The kubelet's container restart back-off (client-go <c>flowcontrol.Backoff</c> with 10 s initial, 300 s max).</summary>
/// <remarks>
/// Successive crashes restart after 0, 10, 20, 40, 80, 160, 300, 300 … seconds: the first restart is
/// immediate, each later one doubles, and a container that ran for more than 2 × max (10 minutes) since the
/// last back-off update starts over.
/// </remarks>
internal static class CrashLoopBackoff
{
    /// <summary>The delay before restarting after a crash at <paramref name="finishedAt"/>, and the updated back-off.</summary>
    public static (long DelaySeconds, long NewBackoffSeconds) Next(long currentBackoffSeconds, long? updatedAt, long finishedAt, long initialSeconds, long maxSeconds)
    {
        var expired = updatedAt is { } u && finishedAt - u > 2 * maxSeconds * 1000;
        if (currentBackoffSeconds == 0 || expired)
        {
            // No entry yet (or it expired): restart now and start the back-off at the initial value.
            return (0, initialSeconds);
        }

        return (currentBackoffSeconds, Math.Min(currentBackoffSeconds * 2, maxSeconds));
    }
}
