using System.ComponentModel;
using KubeKernel.Adapters.Serving.Storage;
using Spectre.Console.Cli;

namespace KubeKernel.Cli.Commands;

/// <summary>The <c>restore</c> command: a backup back into an empty store, at exactly the backup's revision.</summary>
internal sealed class RestoreCommand : Command<RestoreCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A backup written by kernelctl backup.")]
        public string File { get; init; } = string.Empty;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) => StoreSettings.Run(() =>
    {
        using var store = settings.Open(writer: true);
        var snapshot = StoreBackup.Restore(settings.File, store);
        Console.Out.WriteLine($"restored {snapshot.Objects.Count} objects at revision {snapshot.Revision} into {store.Location}");
    });
}
