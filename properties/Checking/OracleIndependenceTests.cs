using System.Text.RegularExpressions;

namespace KubeKernel.Properties.Checking;

/// <summary>
/// The invariants are independent oracles: they restate Kubernetes' rules in checking/ and call none of the kernel's
/// decision code, so a bug in that code cannot move the bound that judges it.
/// </summary>
public partial class OracleIndependenceTests
{
    /// <summary>What an invariant may not name: the kernel's formulas, controllers, scheduler, proxy and allocators, and their namespaces (a controller's name, <c>ControllerNames.Scheduler</c>, is not its code).</summary>
    private static readonly (string Rule, Regex Pattern)[] Forbidden =
    [
        ("a kernel formula (*Math)", new(@"\b[A-Z]\w*Math\b")),
        ("a controller", new(@"\b(?!RequiresController\b)[A-Z]\w*Controller\b")),
        ("the scheduler", new(@"(?<!ControllerNames\.)\b(Scheduler|SchedulerCache|SchedulingExplanation|PodResources)\b")),
        ("an allocator", new(@"\b(\w+Allocator|NodeIpam|ServiceAllocations|CidrSet)\b")),
        ("the kubelet or node agent", new(@"\b(NodeAgent|KubeletController|PodStatusMath)\b")),
        ("the kernel's toleration matching", new(@"(?<!\bTolerations)\.Tolerates\(")),
        ("a controller's namespace", new(@"using KubeKernel\.(Controllers\.\w+|Scheduling|Kubelet|Pods|Api)\b")),
    ];

    public static TheoryData<string> InvariantFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Support.Approvals.RepositoryRoot, "checking", "Invariants"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Support.Approvals.RepositoryRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvariantFiles))]
    public void An_invariant_names_no_decision_code_of_the_kernel(string file)
    {
        var code = Code(File.ReadAllText(Path.Combine(Support.Approvals.RepositoryRoot, file)));
        var found = Forbidden.SelectMany(f => f.Pattern.Matches(code).Select(m => $"{f.Rule}: {m.Value}")).Distinct().ToList();
        Assert.True(found.Count == 0, $"{file} names {string.Join(", ", found)}");
    }

    [Fact]
    public void The_check_finds_what_it_forbids()
    {
        var code = Code("// DeploymentMath in a comment is fine\nvar x = \"ProxyMath in a string\";\nvar y = DeploymentMath.MaxSurge(d);\nusing KubeKernel.Scheduling;");
        Assert.Contains("DeploymentMath.MaxSurge", code);
        Assert.DoesNotContain("comment", code);
        Assert.DoesNotContain("ProxyMath in a string", code);
        Assert.Equal(2, Forbidden.Count(f => f.Pattern.IsMatch(code)));
    }

    /// <summary>The source without comments and string literals (names there describe, they do not call).</summary>
    private static string Code(string source) => Comments().Replace(source, m => m.Value.StartsWith('"') || m.Value.StartsWith("$\"", StringComparison.Ordinal) ? "\"\"" : " ");

    [GeneratedRegex("""//[^\n]*|/\*.*?\*/|\$?"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)'""", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
