namespace KubeKernel.Bench.Scale;

/// <summary>How one size's child process ended: its last figures, whether it was stopped at the time limit, its exit code.</summary>
/// <param name="Nodes">The size.</param>
/// <param name="Pods">The pods its Deployments want.</param>
/// <param name="Result">The figures of the phases it finished; null when it finished none.</param>
/// <param name="Stopped">Whether it ran over the time limit and was stopped.</param>
/// <param name="ExitCode">Its exit code (0 when stopped).</param>
public sealed record SizeRun(int Nodes, int Pods, ScaleResult? Result, bool Stopped, int ExitCode)
{
    /// <summary>Whether it ended on its own without every figure: its cluster went wrong, or the process did.</summary>
    public bool Failed => !Stopped && (ExitCode != 0 || Result?.StateBytes is null);
}
