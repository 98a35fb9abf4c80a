using KubeKernel.Adapters.Histories;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Cli;
using KubeKernel.Cli.Simulate;
using KubeKernel.Properties.Support;
using KubeKernel.Simulation;

namespace KubeKernel.Properties.Cli;

public class HistoryFileTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("90s", 90_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5s", 1_500)]
    public void Durations_are_written_the_Go_way(string text, long milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var ms));
        Assert.Equal(milliseconds, ms);
    }

    [Theory]
    [InlineData("90")]
    [InlineData("soon")]
    [InlineData("")]
    public void Bad_durations_are_refused(string text) => Assert.False(Durations.TryParse(text, out _));

    [Fact]
    public void A_history_reads_its_nodes_and_steps()
    {
        var history = HistoryReader.Read("""
            description: example
            nodes:
              - {count: 2}
              - {name: gpu, cpu: "8", taints: [{key: gpu, value: "true", effect: NoSchedule}]}
            steps:
              - scale: {target: deployment/web, replicas: 5}
              - advance: 90s
              - node-down: node-2
              - crash: {selector: app=web, exit-code: 137}
              - probe-fail: {selector: app=web, probe: liveness}
              - rollout-undo: {target: deployment/web, to-revision: 2}
            """, "h.yaml", ".");
        Assert.Equal(["node-1", "node-2", "gpu"], history.Nodes.Select(n => n.Metadata.Name));
        Assert.Equal("gpu=true:NoSchedule", history.Nodes[2].Spec.Taints.Single().ToString());
        Assert.Equal(new ScaleStep(new KubeKernel.Model.ObjectKey("Deployment", "default", "web"), 5), history.Steps[0]);
        Assert.Equal(new AdvanceStep(90_000), history.Steps[1]);
        Assert.Equal(new NodeDownStep("node-2"), history.Steps[2]);
        Assert.Equal(137, ((CrashStep)history.Steps[3]).ExitCode);
        Assert.Equal(KubeKernel.Model.ProbeKind.Liveness, ((ProbeStep)history.Steps[4]).Probe);
        Assert.Equal(2, ((RolloutUndoStep)history.Steps[5]).ToRevision);
    }

    [Theory]
    [InlineData("steps:\n  - jump: 3\n", "error: h.yaml (step 1, line 2): unknown step \"jump\"")]
    [InlineData("steps:\n  - advance: soon\n", "error: h.yaml (step 1, line 2): invalid duration \"soon\"")]
    [InlineData("steps:\n  - scale: {target: frob/x, replicas: 1}\n", "the server doesn't have a resource type \"frob\"")]
    [InlineData("nodes: []\n", "steps: Required value")]
    public void Bad_histories_name_the_step_and_line(string yaml, string message)
    {
        var error = Assert.Throws<ManifestException>(() => HistoryReader.Read(yaml, "h.yaml", "."));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void The_example_scenario_runs_every_step_and_prints_its_effects()
    {
        var result = SimulateRunner.Run(["docs/scenarios/crash-and-scale.yaml"], null, "table", Approvals.RepositoryRoot);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("── step 3 at 0s: crash a container of app=nginx with exit code 1", result.Stdout);
        Assert.Contains("Back-off restarting failed container nginx", result.Stdout);
        Assert.Contains("── step 7 at 30s: rollout undo deployment/nginx-deployment", result.Stdout);
        Assert.Contains("Scaled down replica set nginx-deployment-69c7b6d94d from 1 to 0", result.Stdout);
    }

    [Fact]
    public void A_history_file_must_run_alone()
    {
        var result = SimulateRunner.Run(["docs/scenarios/crash-and-scale.yaml", "docs/examples/nginx-deployment.yaml"], null, "table", Approvals.RepositoryRoot);
        Assert.Equal(CommandOutput.BadInput, result.ExitCode);
    }
}
