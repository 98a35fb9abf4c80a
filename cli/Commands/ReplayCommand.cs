using System.ComponentModel;
using KubeKernel.Cli.Check;
using Spectre.Console.Cli;

namespace KubeKernel.Cli.Commands;

/// <summary>The <c>replay</c> command's arguments and entry point.</summary>
internal sealed class ReplayCommand : Command<ReplayCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A history file: a counterexample from check, a generated history or a hand-written scenario.")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--report <FILE>")]
        [Description("Also write a self-contained HTML report to FILE: the run as a timeline (one lane per node and controller, faults and the violating step marked; click a step for its state diff, commands and lifecycle transitions) and rollout plots.")]
        public string? Report { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        ConsoleOutput.Write(ReplayRunner.Run(settings.File, settings.File, reportFile: settings.Report));
}
