using System.Diagnostics;

namespace KubeKernel.Properties.Serving;

/// <summary>Runs a command that ends by itself, with its output captured, and kills it with its children if it overruns.</summary>
internal static class BoundedProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> Run(ProcessStartInfo start, TimeSpan limit)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {limit.TotalSeconds}s");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
