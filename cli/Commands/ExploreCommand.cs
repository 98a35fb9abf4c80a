using System.ComponentModel;
using KubeKernel.Cli.Explore;
using Spectre.Console.Cli;

namespace KubeKernel.Cli.Commands;

/// <summary>The <c>explore</c> command's arguments and entry point.</summary>
internal sealed class ExploreCommand : Command<ExploreCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--nodes <N>")]
        [Description("Identical nodes (2 CPUs, 4Gi each) registered before the first step.")]
        [DefaultValue(2)]
        public int Nodes { get; init; } = 2;

        [CommandOption("--deployments <N>")]
        [Description("Deployments a path may create (web, web-2, ...); each may then be scaled to any count from 0 to --replicas.")]
        [DefaultValue(1)]
        public int Deployments { get; init; } = 1;

        [CommandOption("--replicas <N>")]
        [Description("Each Deployment's replicas on create (pods request 500m CPU, 128Mi).")]
        [DefaultValue(3)]
        public int Replicas { get; init; } = 3;

        [CommandOption("--services <N>")]
        [Description("NodePort Services a path may create and delete.")]
        [DefaultValue(1)]
        public int Services { get; init; } = 1;

        [CommandOption("--faults <LIST>")]
        [Description("Faults a path may inject: restart,drop,duplicate,reorder,conflict,node,crash, or all, or none (stale cannot be explored).")]
        [DefaultValue("node,restart")]
        public string Faults { get; init; } = "node,restart";

        [CommandOption("--max-faults <N>")]
        [Description("The most faults on one path (bringing a node back is free).")]
        [DefaultValue(2)]
        public int MaxFaults { get; init; } = 2;

        [CommandOption("--fault-targets <LIST>")]
        [Description("Controllers the faults aim at, comma-separated (default: every controller that has work in the scope).")]
        public string? FaultTargets { get; init; }

        [CommandOption("--advance <LIST>")]
        [Description("Clock steps a path may take, comma-separated (e.g. 10s,1m).")]
        [DefaultValue("1m")]
        public string Advance { get; init; } = "1m";

        [CommandOption("--depth <N>")]
        [Description("The most history steps on a path.")]
        [DefaultValue(20)]
        public int Depth { get; init; } = 20;

        [CommandOption("--max-states <N>")]
        [Description("Stop after this many distinct states (the summary then says the search is incomplete).")]
        [DefaultValue(100_000)]
        public int MaxStates { get; init; } = 100_000;

        [CommandOption("--no-symmetry")]
        [Description("Count symmetric states (nodes or pods renamed) apart.")]
        public bool NoSymmetry { get; init; }

        [CommandOption("--no-liveness")]
        [Description("Skip the check that every state settles with faults off (eventual invariants).")]
        public bool NoLiveness { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Threads that expand states (default: every core); the result is the same for any count.")]
        public int? Workers { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [Description("Where to save a counterexample (default: explore-counterexample.yaml).")]
        public string? Output { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Action<string>? progress = Console.IsErrorRedirected ? null : line => Console.Error.Write($"\r{line}\u001b[K");
        var output = ExploreRunner.Run(settings, progress);
        if (progress is not null)
        {
            Console.Error.Write("\r\u001b[K");
        }

        return ConsoleOutput.Write(output);
    }
}
