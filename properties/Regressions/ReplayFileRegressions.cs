using KubeKernel.Adapters.Histories;
using KubeKernel.Checking;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Regressions;

/// <summary>Counterexamples the checker found, pinned as replay files: each must replay to the verdict its file describes.</summary>
/// <remarks>Add a file by saving <c>kernelctl check</c>'s counterexample here and fixing the bug; it then replays clean forever.</remarks>
public class ReplayFileRegressions
{
    /// <summary>Files whose history still violates an invariant on purpose (documented upstream behaviour), with that invariant.</summary>
    private static readonly Dictionary<string, string> Kept = new(StringComparer.Ordinal)
    {
        ["strategy-switch-while-two-replicasets-are-active.yaml"] = "DeploymentsReachDesiredState",
    };

    public static TheoryData<string> Files => new(
        Directory.GetFiles(Path.Combine(Approvals.RepositoryRoot, "properties", "Regressions"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void A_pinned_counterexample_replays_to_its_recorded_verdict(string file)
    {
        var history = HistoryReader.ReadFile(Path.Combine(Approvals.RepositoryRoot, "properties", "Regressions", file));
        var result = HistoryChecker.Check(history);
        if (Kept.TryGetValue(file, out var invariant))
        {
            Assert.Equal(invariant, result.Violation?.Invariant.Id);
        }
        else
        {
            Assert.True(result.Verdict != Verdict.Violated, result.Violation is { } v ? $"{v.Invariant.Id}: {string.Join("; ", v.Messages)}" : null);
        }
    }
}
