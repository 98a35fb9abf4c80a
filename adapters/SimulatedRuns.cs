namespace KubeKernel.Adapters;

/// <summary>
/// How long simulated containers run when nothing says otherwise, in <c>simulate -f</c> and <c>serve</c>: app containers of
/// pods that do not restart always (<c>restartPolicy</c> Never or OnFailure, every Job's pods) exit 0 after
/// <see cref="FiniteRunMillis"/>, so Jobs and one-off pods finish (the pi Job, <c>kubectl create job</c>, <c>kubectl run
/// --restart=Never</c>); every other container runs until it is stopped. A pod's <c>run.kubekernel.io/*</c> annotations and a
/// scenario's <c>exit-after</c> steps say otherwise where they apply (see <see cref="Simulation.ContainerRuns"/>).
/// </summary>
/// <remarks>Until pods run as real processes (<c>--runtime process</c>), the simulated runtime decides when containers exit.</remarks>
internal static class SimulatedRuns
{
    public const long FiniteRunMillis = 2000;
}
