namespace KubeKernel.Cli.Docs;

/// <summary>Every generated documentation page: its path under the repository and the function that renders it.</summary>
/// <remarks>Snapshot tests render each page and compare it with the committed file; <c>kernelctl docs</c> rewrites them.</remarks>
internal static class DocsCatalog
{
    public sealed record GeneratedPage(string Path, Func<string, string> Render);

    public static IReadOnlyList<GeneratedPage> Pages { get; } =
    [
        .. LifecyclePage.All().Select(p => new GeneratedPage($"docs/lifecycles/{p.FileName}", _ => p.Markdown)),
        new GeneratedPage("docs/walkthrough.md", WalkthroughPage.Render),
        new GeneratedPage("docs/invariants.md", InvariantsPage.Render),
        new GeneratedPage("docs/services.md", ServicesPage.Render),
        .. ControllerPages.All.Select(p => new GeneratedPage($"docs/controllers/{p.FileName}", p.Render)),
        new GeneratedPage("docs/scheduling.md", SchedulingPage.Render),
        new GeneratedPage("docs/cli.md", CliPage.Render),
        new GeneratedPage("docs/differences.md", DifferencesPage.Render),
    ];

    /// <summary>The repository root: the nearest directory upwards that holds <c>Kernel.sln</c>.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kernel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Kernel.sln above {start}");
    }
}
