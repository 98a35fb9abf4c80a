namespace KubeKernel.Properties.Docs;

/// <summary>A relative link on a Markdown page: where it is, and the file (or folder) and heading anchor it points to.</summary>
/// <param name="Page">The page holding the link, relative to the repository root with <c>/</c> separators.</param>
/// <param name="Line">The 1-based line of the link, for the failure message.</param>
/// <param name="Target">The link as written (<c>../checking.md#the-bug-zoo</c>).</param>
/// <param name="Path">The file or folder it names, relative to the repository root; the page itself for <c>#anchor</c> alone.</param>
/// <param name="Anchor">The part after <c>#</c>, or null.</param>
public sealed record MarkdownLink(string Page, int Line, string Target, string Path, string? Anchor);
