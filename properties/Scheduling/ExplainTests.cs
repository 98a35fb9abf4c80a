using KubeKernel.Cli;
using KubeKernel.Cli.Simulate;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Scheduling;

/// <summary><c>kernelctl simulate --explain POD</c> on the documented example.</summary>
public class ExplainTests
{
    private const string Example = "docs/examples/anti-affinity-zones.yaml";

    private static CommandOutput Simulate(string? explain, string output = "table") =>
        SimulateRunner.Run([Example], null, output, Approvals.RepositoryRoot, explain);

    private static string PendingPod() =>
        Simulate(null).Stdout.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).First(c => c.Length > 3 && c[3] == "Pending")[1]["pod/".Length..];

    [Fact]
    public void The_pending_replica_is_explained_node_by_node_with_the_Kubernetes_message()
    {
        var pending = PendingPod();
        var result = Simulate(pending);
        Assert.Equal(1, result.ExitCode);
        var explanation = result.Stdout[result.Stdout.IndexOf("Scheduling cycle of pod", StringComparison.Ordinal)..];
        Assert.Contains($"Scheduling cycle of pod default/{pending} at 15m0s (attempt 4, the last in this run)", explanation);
        Assert.Contains("gpu-1    TaintToleration: node(s) had untolerated taint(s) (untolerated taint {dedicated: gpu})", explanation);
        Assert.Contains("node-a   InterPodAffinity: node(s) didn't match pod anti-affinity rules (a matching pod runs in kubernetes.io/hostname=node-a)", explanation);
        Assert.Contains("Result: Unschedulable: 0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.", explanation);
    }

    [Fact]
    public void A_placed_pod_shows_every_plugins_share_and_the_tie_break()
    {
        var first = Simulate(null).Stdout.Split('\n').First(l => l.Contains("Scheduled pod/", StringComparison.Ordinal));
        var pod = first[(first.IndexOf("pod/", StringComparison.Ordinal) + 4)..first.IndexOf(':', first.IndexOf("pod/", StringComparison.Ordinal))];
        var explanation = Simulate(pod).Stdout;
        Assert.Contains("TaintToleration ×3", explanation);
        Assert.Contains("node-a *   passed", explanation);
        Assert.Contains("0→100 = 300", explanation);
        Assert.Contains("Result: bound to node-a (marked *); 2 nodes tie at 668, the ordinal-smallest name wins (Kubernetes picks one at random)", explanation);
    }

    [Theory]
    [InlineData("nobody", "table", "error: pod default/nobody was never scheduled by default-scheduler in this run")]
    [InlineData("web", "json", "error: --explain prints a table; it cannot be combined with -o json")]
    public void Explaining_a_pod_that_was_never_scheduled_or_into_json_is_a_clear_error(string pod, string output, string message)
    {
        var result = Simulate(pod, output);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, result.Stderr.TrimEnd());
    }
}
