using System.ComponentModel;
using KubeKernel.Cli.Simulate;
using Spectre.Console.Cli;

namespace KubeKernel.Cli.Commands;

/// <summary>The <c>simulate</c> command's arguments and entry point.</summary>
internal sealed class SimulateCommand : Command<SimulateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-f|--filename <FILE>")]
        [Description("Manifest file(s) to apply (multi-document YAML, or a List), a directory of them, or - for standard input. Repeat -f for several.")]
        public string[] Files { get; init; } = [];

        [CommandOption("-R|--recursive")]
        [Description("With -f DIR, also read the manifests in its subdirectories.")]
        public bool Recursive { get; init; }

        [CommandOption("--nodes <N>")]
        [Description("Add N default nodes node-1..N (4 cpu, 16Gi, 110 pods). Without Node documents or --nodes, 3 are added.")]
        public int? Nodes { get; init; }

        [CommandOption("-o|--output <FORMAT>")]
        [Description("table (trace and kubectl-style tables), wide (the same with every wide column), json or yaml (the final objects as a Kubernetes List), or name (kind/name per object).")]
        [DefaultValue("table")]
        public string Output { get; init; } = "table";

        [CommandOption("--cluster-cidr <CIDR>")]
        [Description("The range node pod CIDRs come from (kube-controller-manager --cluster-cidr, /24 per node). Default: 10.244.0.0/16, widened to the smallest prefix that gives every node a block.")]
        public string? ClusterCidr { get; init; }

        [CommandOption("--trace <MODE>")]
        [Description("With -o table or wide: auto (the numbered trace when it has at most 5,000 steps, otherwise a summary: steps, simulated time and object counts by status), full (the whole trace and tables, however long) or none (the summary).")]
        [DefaultValue("auto")]
        public string Trace { get; init; } = "auto";

        [CommandOption("--skip-unsupported")]
        [Description("Leave out documents of kinds kernelctl does not model (StatefulSet, DaemonSet, CronJob, …) with a warning each on standard error, and run the rest; without it such a document is an error.")]
        public bool SkipUnsupported { get; init; }

        [CommandOption("--explain <POD>")]
        [Description("After the run, explain POD's last scheduling cycle (name or namespace/name): each node's filter verdict and per-plugin scores.")]
        public string? Explain { get; init; }

        [CommandOption("--report <FILE>")]
        [Description("Also write a self-contained HTML report to FILE: the run as a timeline (one lane per node and controller; click a step for its state diff, commands and lifecycle transitions) and, per Deployment, its ReplicaSets' desired, ready and available replicas step by step (labelled with logical time) against the rollout's surge and unavailability bounds. A run of more than 2,000 steps shows its first and last 1,000.")]
        public string? Report { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        TraceMode? mode = settings.Trace.ToLowerInvariant() switch
        {
            "auto" => TraceMode.Auto,
            "full" => TraceMode.Full,
            "none" => TraceMode.None,
            _ => null,
        };
        if (mode is not { } trace)
        {
            return ConsoleOutput.Write(CommandOutput.Error($"error: --trace must be auto, full or none, got \"{settings.Trace}\""));
        }

        Networking.IPv4Cidr? clusterCidr = null;
        if (settings.ClusterCidr is { } text)
        {
            if (!Adapters.ClusterCidrMath.TryParse(text, ClusterConfig.Default, out var parsed, out var error))
            {
                return ConsoleOutput.Write(CommandOutput.Error($"error: {error}"));
            }

            clusterCidr = parsed;
        }

        return ConsoleOutput.Write(SimulateRunner.Run(settings.Files, settings.Nodes, settings.Output, explain: settings.Explain, recursive: settings.Recursive, trace: trace, progress: Progress.ForConsole(), clusterCidr: clusterCidr, reportFile: settings.Report, skipUnsupported: settings.SkipUnsupported));
    }
}
