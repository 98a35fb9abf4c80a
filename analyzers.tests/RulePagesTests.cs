using Microsoft.CodeAnalysis.Diagnostics;

namespace KubeKernel.Analyzers.Tests;

/// <summary>Every rule the analyzers report has its page, with a flagged and a fixed example, listed in docs/analyzers.md.</summary>
public class RulePagesTests
{
    public static TheoryData<string> RuleIds()
    {
        var ids = typeof(NondeterministicApiAnalyzer).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Select(d => d.Id)
            .Distinct()
            .Order(StringComparer.Ordinal);
        return [.. ids];
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_has_a_page_with_a_flagged_and_a_fixed_example_listed_in_the_analyzers_doc(string id)
    {
        var root = RepositoryRoot();
        var page = Path.Combine(root, "analyzers", "rules", $"{id}.md");
        Assert.True(File.Exists(page), $"{id} has no page at analyzers/rules/{id}.md");

        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}:", text, StringComparison.Ordinal);
        Assert.Contains("Flagged", text, StringComparison.Ordinal);
        Assert.Contains("Fixed", text, StringComparison.Ordinal);
        Assert.Contains($"(../analyzers/rules/{id}.md)", File.ReadAllText(Path.Combine(root, "docs", "analyzers.md")), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kernel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Kernel.sln above {AppContext.BaseDirectory}");
    }
}
