using System.ComponentModel;
using KubeKernel.Cli.Docs;
using Spectre.Console.Cli;

namespace KubeKernel.Cli.Commands;

/// <summary><c>kernelctl docs</c>: regenerates the generated documentation pages (the snapshot tests verify them).</summary>
internal sealed class DocsCommand : Command<DocsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--check")]
        [Description("Only report pages that differ from what the code generates; exit 1 if any does.")]
        public bool Check { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var root = DocsCatalog.FindRepositoryRoot(Directory.GetCurrentDirectory());
        var stale = 0;
        foreach (var page in DocsCatalog.Pages)
        {
            var path = Path.Combine(root, page.Path);
            var content = page.Render(root);
            var current = File.Exists(path) ? File.ReadAllText(path) : null;
            if (current == content)
            {
                continue;
            }

            stale++;
            if (settings.Check)
            {
                Console.WriteLine($"stale: {page.Path}");
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
                Console.WriteLine($"wrote {page.Path}");
            }
        }

        Console.WriteLine($"{DocsCatalog.Pages.Count} generated page(s), {stale} {(settings.Check ? "stale" : "updated")}");
        return settings.Check && stale > 0 ? 1 : 0;
    }
}
