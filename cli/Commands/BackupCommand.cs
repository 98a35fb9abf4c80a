using System.ComponentModel;
using KubeKernel.Adapters.Serving;
using KubeKernel.Adapters.Serving.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KubeKernel.Cli.Commands;

/// <summary>The <c>backup</c> command: a consistent snapshot of a serve store, at one revision, in one file.</summary>
internal sealed class BackupCommand : Command<BackupCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("The backup file to write.")]
        public string Output { get; init; } = string.Empty;

        public override ValidationResult Validate() =>
            Output.Length == 0 ? ValidationResult.Error("-o FILE is required: where to write the backup") : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) => StoreSettings.Run(() =>
    {
        using var store = settings.Open(writer: false);
        var snapshot = StoreBackup.Write(store, settings.Output);
        Console.Out.WriteLine($"backed up {snapshot.Objects.Count} objects at revision {snapshot.Revision} from {store.Location} to {settings.Output}");
    });
}
