using System.Text;

namespace KubeKernel.Cli;

/// <summary>Writes a command's output to the process streams and returns its exit code.</summary>
internal static class ConsoleOutput
{
    public static int Write(CommandOutput output)
    {
        // Buffered: Console.Out flushes on every write, which a gigabyte of JSON written piece by piece would feel.
        using (var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" })
        {
            output.WriteStdout(stdout);
        }

        Console.Error.Write(output.Stderr);
        return output.ExitCode;
    }
}
