using System.Diagnostics;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Serving;

/// <summary>The built <c>kernelctl</c> run as its own process, as a user runs it: exit code, stdout and stderr.</summary>
internal static class Kernelctl
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How to start <c>dotnet kernelctl.dll</c> with these arguments, output redirected.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var dll = Path.Combine(Approvals.RepositoryRoot, "cli", "bin", "Release", "net10.0", "kernelctl.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution in Release first (dotnet build Kernel.sln -c Release)");

        // The dotnet CLI tells the processes it starts where its host is; outside it, the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>Runs a command that ends by itself (backup, restore), killed if it overruns.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> Run(params string[] args) => BoundedProcess.Run(StartInfo(args), CommandTimeout);
}
