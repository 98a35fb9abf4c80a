namespace KubeKernel.Cli;

/// <summary>Writes a command's output to the process streams and returns its exit code.</summary>
internal static class ConsoleOutput
{
    public static int Write(CommandOutput output)
    {
        Console.Out.Write(output.Stdout);
        Console.Out.Flush();
        Console.Error.Write(output.Stderr);
        return output.ExitCode;
    }
}
