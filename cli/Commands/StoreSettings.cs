using System.ComponentModel;
using KubeKernel.Adapters.Serving;
using KubeKernel.Adapters.Serving.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KubeKernel.Cli.Commands;

/// <summary>Which store a command works on: serve's SQLite folder (the default one unless <c>--data-dir</c> names another), or etcd.</summary>
internal class StoreSettings : CommandSettings
{
    [CommandOption("--data-dir <DIR>")]
    [Description("The SQLite store's folder (default: $XDG_STATE_HOME/kernelctl/serve).")]
    public string? DataDir { get; init; }

    [CommandOption("--etcd <URLS>")]
    [Description("The etcd endpoints of an etcd store (comma-separated), instead of a SQLite folder.")]
    public string? Etcd { get; init; }

    /// <summary>Opens the store; <paramref name="writer"/> takes a SQLite folder's writer lock (restore), a reader (backup) needs none.</summary>
    public IClusterStore Open(bool writer) => ServeOptions.OpenStore(DataDir, Etcd, writer);

    /// <summary>Runs a store command; failures print one line and exit 2 (bad input) or 1 (the store failed).</summary>
    public static int Run(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return CommandOutput.BadInput;
        }
        catch (Exception e) when (e is IOException or Microsoft.Data.Sqlite.SqliteException or ClusterStoreException)
        {
            Console.Error.WriteLine($"error: the store failed: {e.Message}");
            return CommandOutput.NotConverged;
        }
    }

    public override ValidationResult Validate() =>
        DataDir is not null && Etcd is not null ? ValidationResult.Error("give --data-dir (SQLite) or --etcd, not both") : ValidationResult.Success();
}
