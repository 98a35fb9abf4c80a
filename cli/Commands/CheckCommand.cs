using System.ComponentModel;
using KubeKernel.Cli.Check;
using Spectre.Console.Cli;

namespace KubeKernel.Cli.Commands;

/// <summary>The <c>check</c> command's arguments and entry point.</summary>
internal sealed class CheckCommand : Command<CheckCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--seed <N>")]
        [Description("The seed every history derives from (default: drawn from the clock and printed first).")]
        public ulong? Seed { get; init; }

        [CommandOption("--histories <N>")]
        [Description("How many random histories to check.")]
        [DefaultValue(300)]
        public int Histories { get; init; } = 300;

        [CommandOption("--max-steps <N>")]
        [Description("The longest history, in steps (each history draws its own length).")]
        [DefaultValue(30)]
        public int MaxSteps { get; init; } = 30;

        [CommandOption("--max-nodes <N>")]
        [Description("The largest cluster (each history draws 1..N nodes).")]
        [DefaultValue(5)]
        public int MaxNodes { get; init; } = 5;

        [CommandOption("--faults <LIST>")]
        [Description("Faults histories may draw: stale,restart,drop,duplicate,reorder,conflict,node,crash, or all, or none.")]
        [DefaultValue("all")]
        public string Faults { get; init; } = "all";

        [CommandOption("--fault-targets <LIST>")]
        [Description("Controllers the faults aim at, comma-separated (default: every controller generated histories give work): aim them at the controller under suspicion.")]
        public string? FaultTargets { get; init; }

        [CommandOption("--time-budget <DURATION>")]
        [Description("Stop early after this much wall time (e.g. 30s); how many histories run then depends on the machine, and the output prints the --histories that repeats the run exactly.")]
        public string? TimeBudget { get; init; }

        [CommandOption("--workers <N>")]
        [Description("How many histories to check at once, each on its own thread (default: one per core). Any number prints the same result.")]
        public int? Workers { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [Description("Where to save the shrunk counterexample (default: counterexample-SEED.yaml).")]
        public string? Output { get; init; }

        [CommandOption("--report <FILE>")]
        [Description("Also write a self-contained HTML report to FILE: the shrunk counterexample as a timeline (one lane per node and controller, faults and the violating step marked; click a step for its state diff, commands and lifecycle transitions), rollout plots, and the coverage as a picture.")]
        public string? Report { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Action<Generators.CheckProgress>? progress = Console.IsOutputRedirected ? null : ProgressLine.Draw;
        var output = CheckRunner.Run(new CheckRunner.Arguments(settings.Seed, settings.Histories, settings.MaxSteps, settings.MaxNodes, settings.Faults, settings.TimeBudget, settings.Output, settings.FaultTargets, settings.Workers ?? Environment.ProcessorCount, settings.Report), progress: progress);
        ProgressLine.Clear(progress is not null);
        return ConsoleOutput.Write(output);
    }
}
