using KubeKernel.Cli.Simulate;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Cli;

/// <summary>Runs that finish in <c>simulate -f</c>: one-off pods complete, annotations set exit codes, sidecar pods show every container.</summary>
public class FiniteRunTests
{
    private static (int ExitCode, string Stdout, string Stderr) Simulate(string yaml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"finite-run-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        try
        {
            var result = SimulateRunner.Run([file], null, "table");
            return (result.ExitCode, result.Stdout, result.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The pod's row of the final <c>get pods</c> table (the trace above it names pods too).</summary>
    private static string PodRow(string stdout, string name) => stdout.Split('\n').Single(l => l.StartsWith($"default     pod/{name} ", StringComparison.Ordinal));

    [Theory]
    [InlineData("Never")]
    [InlineData("OnFailure")]
    public void A_pod_that_does_not_restart_always_runs_to_completion_and_the_run_converges(string policy)
    {
        var (exit, stdout, stderr) = Simulate($$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: once}
            spec: {restartPolicy: {{policy}}, containers: [{name: main, image: busybox}]}
            """);
        Assert.True(exit == 0, stderr);
        Assert.Matches(@"0/1\s+Completed\s+0\s", PodRow(stdout, "once"));
    }

    [Fact]
    public void Annotations_make_a_pod_exit_with_the_code_they_give_after_the_time_they_give()
    {
        var (exit, stdout, stderr) = Simulate("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: fails
              annotations: {run.kubekernel.io/exit-after-seconds: "30", run.kubekernel.io/exit-code: "3"}
            spec: {restartPolicy: Never, containers: [{name: main, image: busybox}]}
            """);
        Assert.True(exit == 0, stderr);
        Assert.Matches(@"0/1\s+Error\s+0\s+30s\s", PodRow(stdout, "fails"));
    }

    [Fact]
    public void A_deployment_with_an_init_container_and_a_sidecar_shows_both_containers_ready()
    {
        var result = SimulateRunner.Run(["docs/examples/sidecar-deployment.yaml"], null, "table", Approvals.RepositoryRoot);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var pods = result.Stdout.Split('\n').Where(l => l.StartsWith("default     pod/web-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, pods.Count);
        Assert.All(pods, row => Assert.Matches(@"2/2\s+Running\s+0\s", row));
    }
}
