using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Docs;

/// <summary><c>docs/README.md</c> is the book's index: it links every page under <c>docs/</c>, and every other file there directly or through its folder.</summary>
public class DocsIndexTests
{
    private const string Index = "docs/README.md";

    [Fact]
    public void The_index_links_every_page_under_docs()
    {
        var linked = MarkdownPages.Links(Index).Select(l => l.Path).ToHashSet(StringComparer.Ordinal);
        var unlinked = Directory.GetFiles(Path.Combine(Approvals.RepositoryRoot, "docs"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Approvals.RepositoryRoot, f).Replace('\\', '/'))
            .Where(f => f != Index && !linked.Contains(f) && (f.EndsWith(".md", StringComparison.Ordinal) || !linked.Contains(Path.GetDirectoryName(f)!.Replace('\\', '/'))))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(unlinked.Count == 0, $"{Index} does not link (a page must be linked itself; another file may be linked through its folder):\n{string.Join('\n', unlinked)}");
    }
}
