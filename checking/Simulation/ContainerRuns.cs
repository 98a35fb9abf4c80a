using System.Globalization;
using KubeKernel.Model;

namespace KubeKernel.Simulation;

/// <summary>How long the simulated runtime lets a container run before it exits by itself, when no exit rule covers it.</summary>
/// <remarks>
/// In order, the first that applies:
/// <list type="number">
/// <item>a regular init container (not a sidecar) runs <see cref="InitContainerRunMillis"/> and exits 0, so pods initialise;</item>
/// <item>an app container of a pod annotated <see cref="ExitAfterSecondsAnnotation"/> exits after that many seconds, with the
/// code in <see cref="ExitCodeAnnotation"/> (0 when absent);</item>
/// <item>when the world gives finite runs (<c>simulate -f</c>, <c>serve</c>), an app container of a pod whose
/// <c>restartPolicy</c> is <c>Never</c> or <c>OnFailure</c> exits 0 after that many milliseconds, so Jobs and one-off pods finish;</item>
/// <item>otherwise the container runs until it is stopped.</item>
/// </list>
/// An annotation value that is not a whole number of seconds, or not an exit code from 0 to 255, is ignored.
/// </remarks>
public static class ContainerRuns
{
    /// <summary>How long a regular init container runs: 1 s.</summary>
    public const long InitContainerRunMillis = 1000;

    /// <summary>Pod annotation: the pod's app containers exit after this many seconds of running.</summary>
    public const string ExitAfterSecondsAnnotation = "run.kubekernel.io/exit-after-seconds";

    /// <summary>Pod annotation: the exit code the pod's app containers exit with (with <see cref="ExitAfterSecondsAnnotation"/>).</summary>
    public const string ExitCodeAnnotation = "run.kubekernel.io/exit-code";

    /// <summary>When (after its start) and with which code <paramref name="container"/> of <paramref name="pod"/> exits by itself; null: it runs until stopped.</summary>
    /// <param name="pod">The pod.</param>
    /// <param name="container">The container's name.</param>
    /// <param name="finiteRunMillis">How long app containers of pods that do not restart always run, or null when runs are not finite.</param>
    public static (long AfterMillis, int ExitCode)? Default(Pod pod, string container, long? finiteRunMillis)
    {
        foreach (var init in pod.Spec.InitContainers)
        {
            if (init.Name == container)
            {
                return init.RestartPolicy == RestartPolicy.Always ? null : (InitContainerRunMillis, 0);
            }
        }

        var annotations = pod.Metadata.Annotations;
        if (annotations.TryGetValue(ExitAfterSecondsAnnotation, out var seconds) &&
            long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var after) && after <= int.MaxValue)
        {
            var code = annotations.TryGetValue(ExitCodeAnnotation, out var text) &&
                int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= 255 ? parsed : 0;
            return (after * 1000, code);
        }

        return finiteRunMillis is { } millis && pod.Spec.RestartPolicy != RestartPolicy.Always ? (millis, 0) : null;
    }
}
