using KubeKernel.Cli.Commands;
using Spectre.Console.Cli;

namespace KubeKernel.Cli;

/// <summary>kernelctl's commands, their descriptions and examples: what <c>Program</c> runs and what <c>docs/cli.md</c> is generated from.</summary>
/// <remarks>One configuration for both, so the reference page lists exactly the commands and options <c>--help</c> prints.</remarks>
internal static class KernelctlApp
{
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("kernelctl");
        // --version prints the version the packages carry (Directory.Build.props' VersionPrefix).
        config.SetApplicationVersion(typeof(KernelctlApp).Assembly.GetName().Version?.ToString(3) ?? "unknown");
        // An unknown option is a mistake to report, not something to ignore (`-n prod` would otherwise run in the wrong place silently).
        config.UseStrictParsing();
        config.AddCommand<SimulateCommand>("simulate")
            .WithDescription("Apply Kubernetes manifests to a simulated cluster and run it to quiescence.")
            .WithExample("simulate", "-f", "docs/examples/nginx-deployment.yaml");
        config.AddCommand<CheckCommand>("check")
            .WithDescription("Check random cluster histories with faults against the invariant catalogue; shrink and save any counterexample.")
            .WithExample("check", "--seed", "42", "--histories", "300");
        config.AddCommand<ExploreCommand>("explore")
            .WithDescription("Explore every history of a small cluster breadth-first, each distinct state once; print the shortest counterexample.")
            .WithExample("explore", "--nodes", "2", "--replicas", "3", "--depth", "8");
        config.AddCommand<ReplayCommand>("replay")
            .WithDescription("Re-run a history file under the checker, printing every step, its faults and the invariants that fail.")
            .WithExample("replay", "counterexample-42.yaml");
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Serve the Kubernetes API from the kernel, persisted in SQLite, for kubectl and other clients.")
            .WithExample("serve", "--port", "6443", "--kubeconfig-out", "kernel.kubeconfig");
        config.AddCommand<BackupCommand>("backup")
            .WithDescription("Write a consistent backup of a serve store, at one revision, to a file.")
            .WithExample("backup", "--data-dir", "./cluster", "-o", "cluster.backup");
        config.AddCommand<RestoreCommand>("restore")
            .WithDescription("Restore a backup into an empty serve store, at exactly the backup's revision.")
            .WithExample("restore", "cluster.backup", "--data-dir", "./restored");
        config.AddCommand<DocsCommand>("docs")
            .WithDescription("Regenerate the generated documentation pages under docs/ (or --check them).");
        config.SetExceptionHandler((exception, _) =>
        {
            // Bad arguments and unexpected failures print one line, never a stack trace (KERNELCTL_DEBUG=1 shows it).
            Console.Error.WriteLine(Environment.GetEnvironmentVariable("KERNELCTL_DEBUG") == "1" ? exception.ToString() : $"error: {CommandErrors.Plain(exception.Message)}");
            return CommandOutput.BadInput;
        });
    }
}
