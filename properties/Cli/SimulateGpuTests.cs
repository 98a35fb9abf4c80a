using KubeKernel.Cli;
using KubeKernel.Cli.Simulate;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Cli;

/// <summary><c>kernelctl simulate</c> of <c>docs/examples/gpu-pod.yaml</c>: a node's GPUs from its manifest, a pod that fits and one that does not.</summary>
public class SimulateGpuTests
{
    private const string Example = "docs/examples/gpu-pod.yaml";

    [Fact]
    public void The_pod_asking_for_one_GPU_runs_on_the_GPU_node_and_the_one_asking_for_two_stays_pending()
    {
        var result = SimulateRunner.Run([Example], null, "table", Approvals.RepositoryRoot);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Successfully assigned default/cuda-vectoradd to gpu-1", result.Stdout);
        Assert.Contains("FailedScheduling pod/cuda-two-gpus: 0/2 nodes are available: 2 Insufficient nvidia.com/gpu.", result.Stdout);
    }

    [Fact]
    public void The_node_s_GPUs_and_the_pod_s_request_copied_from_its_limit_show_in_the_yaml()
    {
        var yaml = SimulateRunner.Run([Example], null, "yaml", Approvals.RepositoryRoot).Stdout;
        Assert.Contains("nvidia.com/gpu: \"1\"", yaml);
        Assert.Contains("cpu: \"8\"", yaml);
        Assert.Contains("memory: 32Gi", yaml);
        Assert.Contains("creationTimestamp: \"2026-01-01T00:00:00Z\"", yaml);
        var pod = yaml[yaml.IndexOf("name: cuda-vectoradd\n", StringComparison.Ordinal)..];
        Assert.Matches(@"limits:\s+nvidia\.com/gpu: ""1""\s+requests:\s+nvidia\.com/gpu: ""1""", pod);
    }
}
