namespace KubeKernel.Cli;

/// <summary>What a command printed and its exit code, so commands can run in-process (tests, generated docs) as well as from the shell.</summary>
/// <remarks>
/// Standard output is kept as a writer, not a string: a 150,000-pod cluster as JSON is over a gigabyte, which the shell
/// gets as it is written (<see cref="WriteStdout"/>) rather than built first; tests read it whole (<see cref="Stdout"/>).
/// </remarks>
internal sealed class CommandOutput
{
    /// <summary>Exit code for bad input (missing file, invalid YAML, unknown kind, invalid spec).</summary>
    public const int BadInput = 2;

    /// <summary>Exit code when the simulated cluster did not reach its desired state.</summary>
    public const int NotConverged = 1;

    private readonly Action<TextWriter> stdout;

    public CommandOutput(int exitCode, string stdout, string stderr)
        : this(exitCode, writer => writer.Write(stdout), stderr)
    {
    }

    /// <summary>An output whose standard output <paramref name="stdout"/> writes when asked, each time it is asked.</summary>
    public CommandOutput(int exitCode, Action<TextWriter> stdout, string stderr)
    {
        ExitCode = exitCode;
        this.stdout = stdout;
        Stderr = stderr;
    }

    public int ExitCode { get; }

    public string Stderr { get; }

    /// <summary>Standard output as one string.</summary>
    public string Stdout
    {
        get
        {
            var text = new StringWriter { NewLine = "\n" };
            stdout(text);
            return text.ToString();
        }
    }

    public static CommandOutput Error(string message) => new(BadInput, string.Empty, message.EndsWith('\n') ? message : message + "\n");

    /// <summary>Writes standard output to <paramref name="writer"/> as it is produced.</summary>
    public void WriteStdout(TextWriter writer) => stdout(writer);
}
