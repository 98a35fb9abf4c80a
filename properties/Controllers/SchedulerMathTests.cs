using KubeKernel.Scheduling;
using KubeKernel.Scheduling.Plugins;

namespace KubeKernel.Properties.Controllers;

public class SchedulerMathTests
{
    private const long Gi = 1024L * 1024 * 1024;
    private const long Mi = 1024L * 1024;

    [Theory]
    [InlineData(4000, 16 * Gi, 600, 1 * Gi, 89)]
    [InlineData(4000, 16 * Gi, 100, 200 * Mi, 97)]
    [InlineData(2000, 4 * Gi, 2500, 1 * Gi, 37)]
    public void LeastAllocated_averages_the_free_share_of_cpu_and_memory(long cpu, long memory, long requestedCpu, long requestedMemory, long score)
    {
        Assert.Equal(score, NodeResourcesFitMath.LeastAllocated(new ResourceList(requestedCpu, requestedMemory, 0, 1), new ResourceList(cpu, memory, 0, 110)));
    }

    [Fact]
    public void Every_insufficient_resource_is_reported_in_Kubernetes_order()
    {
        var reasons = NodeResourcesFitMath.InsufficientResources(new ResourceList(3000, 5 * Gi, 0, 1), new ResourceList(0, 0, 0, 3), new ResourceList(2000, 4 * Gi, 0, 3));
        Assert.Equal(["Too many pods", "Insufficient cpu", "Insufficient memory"], reasons);
    }

    [Theory]
    [InlineData(false, new long[] { 2, 1, 0 }, new long[] { 100, 50, 0 })]
    [InlineData(true, new long[] { 2, 1, 0 }, new long[] { 0, 50, 100 })]
    [InlineData(true, new long[] { 0, 0 }, new long[] { 100, 100 })]
    [InlineData(false, new long[] { 0, 0 }, new long[] { 0, 0 })]
    public void Default_normalisation_scales_to_100_and_reverses(bool reverse, long[] raw, long[] normalised)
    {
        ScoreMath.DefaultNormalize(raw, reverse);
        Assert.Equal(normalised, raw);
    }

    [Fact]
    public void The_unschedulable_message_counts_first_rejections_sorted_as_strings()
    {
        var statuses = new[]
        {
            Status.Unresolvable("TaintToleration", "node(s) had untolerated taint {dedicated: gpu}"),
            Status.Unschedulable("NodeResourcesFit", "Insufficient cpu"),
            Status.Unschedulable("NodeResourcesFit", "Insufficient cpu"),
        };
        Assert.Equal(
            "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
            FitError.Message(3, statuses));
        Assert.Equal("no nodes available to schedule pods", FitError.Message(0, []));
    }
}
