namespace KubeKernel.Cli.Reports;

/// <summary>Writes a report page to the file <c>--report</c> names, and says so after the command's own output.</summary>
internal static class ReportFile
{
    /// <summary>
    /// <paramref name="output"/> as it is without <c>--report</c> (<paramref name="path"/> null); otherwise the report built
    /// by <paramref name="data"/> written to <paramref name="path"/> (resolved against <paramref name="workingDirectory"/> when
    /// given) and a last line saying where, or, when it cannot be written, the error on standard error and bad input's exit code.
    /// </summary>
    public static CommandOutput Attach(CommandOutput output, string? path, Func<ReportData> data, string? workingDirectory = null)
    {
        if (path is null)
        {
            return output;
        }

        var full = workingDirectory is null ? path : Path.Combine(workingDirectory, path);
        try
        {
            File.WriteAllText(full, ReportPage.Render(data()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CommandOutput(CommandOutput.BadInput, output.WriteStdout, $"{output.Stderr}error: could not write the report to {path}: {e.Message}\n");
        }

        return new CommandOutput(
            output.ExitCode,
            writer =>
            {
                output.WriteStdout(writer);
                writer.Write($"report written to {path}\n");
            },
            output.Stderr);
    }
}
