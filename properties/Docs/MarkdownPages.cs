using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Docs;

/// <summary>The Markdown pages the docs tests read (<c>README.md</c> and everything under <c>docs/</c>), their relative links and their headings' anchors as GitHub makes them.</summary>
/// <remarks>
/// Only what GitHub renders as a link counts: text in fenced code blocks and in code spans is skipped, so a trace or a
/// quoted manifest never reads as a broken link. Links with a scheme (<c>https:</c>, <c>mailto:</c>) are someone else's.
/// </remarks>
public static partial class MarkdownPages
{
    /// <summary>Every page, relative to the repository root with <c>/</c> separators, in ordinal order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "README.md",
        .. Directory.GetFiles(Path.Combine(Approvals.RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(Relative)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The relative links on <paramref name="page"/>, in the order they appear.</summary>
    public static IEnumerable<MarkdownLink> Links(string page)
    {
        var folder = Path.GetDirectoryName(page)!;
        foreach (var (line, text) in Prose(page))
        {
            foreach (Match link in InlineLink().Matches(CodeSpan().Replace(text, string.Empty)))
            {
                var target = link.Groups["target"].Value;
                if (Scheme().IsMatch(target) || target.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var path = hash < 0 ? target : target[..hash];
                var resolved = path.Length == 0 ? page : Relative(Path.GetFullPath(Path.Combine(Approvals.RepositoryRoot, folder, Uri.UnescapeDataString(path)))).TrimEnd('/');
                yield return new MarkdownLink(page, line, target, resolved, hash < 0 ? null : target[(hash + 1)..]);
            }
        }
    }

    /// <summary>The anchors GitHub gives the headings of <paramref name="page"/>: each heading's slug, a repeated one suffixed -1, -2 ….</summary>
    public static IReadOnlySet<string> Anchors(string page)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, text) in Prose(page))
        {
            if (Heading().Match(text) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups["text"].Value);
                var count = seen.GetValueOrDefault(slug);
                seen[slug] = count + 1;
                anchors.Add(count == 0 ? slug : string.Create(CultureInfo.InvariantCulture, $"{slug}-{count}"));
            }
        }

        return anchors;
    }

    /// <summary>
    /// GitHub's heading anchor (github-slugger): the heading's text as rendered, lower-cased, with everything but letters, digits,
    /// marks, <c>-</c>, <c>_</c> and spaces dropped and each space made a <c>-</c>.
    /// </summary>
    /// <remarks>
    /// <c>## Exhaustive exploration: `kernelctl explore`</c> → <c>exhaustive-exploration-kernelctl-explore</c>;
    /// <c>## [Stateless](https://…) machines — how</c> → <c>stateless-machines--how</c> (the dash goes, both spaces stay).
    /// </remarks>
    public static string Slug(string heading)
    {
        var rendered = InlineLink().Replace(heading, "${text}");
        var slug = new StringBuilder();
        foreach (var c in rendered.ToLowerInvariant())
        {
            if (c == ' ')
            {
                slug.Append('-');
            }
            else if (char.IsLetterOrDigit(c) || c is '-' or '_' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                slug.Append(c);
            }
        }

        return slug.ToString();
    }

    /// <summary>The page's lines outside fenced code blocks, with their 1-based numbers.</summary>
    private static IEnumerable<(int Line, string Text)> Prose(string page)
    {
        var lines = File.ReadAllLines(Path.Combine(Approvals.RepositoryRoot, page));
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
            }
            else if (fence is not null && trimmed.StartsWith(fence, StringComparison.Ordinal))
            {
                fence = null;
            }
            else if (fence is null)
            {
                yield return (i + 1, lines[i]);
            }
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(Approvals.RepositoryRoot, path).Replace('\\', '/');

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^ {0,3}#{1,6}\s+(?<text>.*?)(?:\s+#+)?\s*$")]
    private static partial Regex Heading();
}
