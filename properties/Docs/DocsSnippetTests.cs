using System.Text.RegularExpressions;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Docs;

/// <summary>Code quoted in the docs is the code: a block after <c>&lt;!-- snippet: PATH --&gt;</c> must appear, line for line, in that file.</summary>
/// <remarks>
/// Lines are compared without their leading whitespace (a quote may drop a level of indentation) and must follow one
/// another in the file as they do in the block, so a quote cannot silently drift from the sample it shows.
/// </remarks>
public partial class DocsSnippetTests
{
    public static TheoryData<string, int> Snippets
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var page in Pages())
            {
                var count = SnippetPattern().Matches(File.ReadAllText(Path.Combine(Approvals.RepositoryRoot, page))).Count;
                for (var i = 0; i < count; i++)
                {
                    data.Add(page, i);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void A_quoted_snippet_matches_its_source(string page, int index)
    {
        var match = SnippetPattern().Matches(File.ReadAllText(Path.Combine(Approvals.RepositoryRoot, page)))[index];
        var source = match.Groups["path"].Value;
        var file = Lines(File.ReadAllText(Path.Combine(Approvals.RepositoryRoot, source)));
        var quote = Lines(match.Groups["code"].Value);

        var found = Enumerable.Range(0, Math.Max(0, file.Count - quote.Count + 1)).Any(start => file.Skip(start).Take(quote.Count).SequenceEqual(quote));
        Assert.True(found, $"{page}: snippet {index + 1} is not in {source}; its first line is \"{quote.FirstOrDefault()}\"");
    }

    [Fact]
    public void The_embedding_guide_quotes_both_samples()
    {
        var sources = SnippetPattern().Matches(File.ReadAllText(Path.Combine(Approvals.RepositoryRoot, "docs/embedding.md"))).Select(m => m.Groups["path"].Value).ToList();
        Assert.Contains(sources, s => s.StartsWith("samples/Orchestrator/", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.StartsWith("samples/BackupControllerTests/", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Pages() =>
        Directory.GetFiles(Path.Combine(Approvals.RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Approvals.RepositoryRoot, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static List<string> Lines(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    [GeneratedRegex(@"<!-- snippet: (?<path>\S+) -->\s*```\w*\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SnippetPattern();
}
