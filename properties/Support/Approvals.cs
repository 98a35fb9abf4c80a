using System.Text;
using KubeKernel.Cli.Docs;

namespace KubeKernel.Properties.Support;

/// <summary>Snapshot checks for committed files: compare with the file, rewrite it when <c>UPDATE_SNAPSHOTS=1</c>, fail with a readable diff otherwise.</summary>
public static class Approvals
{
    public static string RepositoryRoot { get; } = DocsCatalog.FindRepositoryRoot(AppContext.BaseDirectory);

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    /// <summary>How to rewrite the generated pages, as a failure message says it.</summary>
    public const string Regenerate = "run `./kernelctl docs` from the repository root (or the tests with UPDATE_SNAPSHOTS=1) to regenerate every generated page";

    public static void Verify(string relativePath, string actual)
    {
        var path = Path.Combine(RepositoryRoot, relativePath);
        var expected = File.Exists(path) ? File.ReadAllText(path) : null;
        if (expected == actual)
        {
            return;
        }

        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        // A page can go stale without touching its generator (an option added to a command, a branch merged), so the
        // message says how to regenerate, not only what differs.
        Assert.Fail(expected is null
            ? $"{relativePath} does not exist; {Regenerate} to create it."
            : $"{relativePath} differs from what the code generates; {Regenerate} and review the diff:\n{Diff(expected, actual)}");
    }

    /// <summary>The first differing lines with a little context, marked - (committed) and + (generated).</summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var first = 0;
        while (first < a.Length && first < b.Length && a[first] == b[first])
        {
            first++;
        }

        var text = new StringBuilder();
        for (var i = Math.Max(0, first - 2); i < first; i++)
        {
            text.Append("  ").Append(a[i]).Append('\n');
        }

        for (var i = first; i < Math.Min(a.Length, first + 8); i++)
        {
            text.Append("- ").Append(a[i]).Append('\n');
        }

        for (var i = first; i < Math.Min(b.Length, first + 8); i++)
        {
            text.Append("+ ").Append(b[i]).Append('\n');
        }

        return $"first difference at line {first + 1}:\n{text}";
    }
}
