namespace KubeKernel.Cli;

/// <summary>What a command printed and its exit code, so commands can run in-process (tests, generated docs) as well as from the shell.</summary>
internal sealed record CommandOutput(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Exit code for bad input (missing file, invalid YAML, unknown kind, invalid spec).</summary>
    public const int BadInput = 2;

    /// <summary>Exit code when the simulated cluster did not reach its desired state.</summary>
    public const int NotConverged = 1;

    public static CommandOutput Error(string message) => new(BadInput, string.Empty, message.EndsWith('\n') ? message : message + "\n");
}
