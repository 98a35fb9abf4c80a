using KubeKernel.Model;
using KubeKernel.Scheduling;
using KubeKernel.Scheduling.Plugins;

namespace KubeKernel.Properties.Scheduling;

/// <summary>The scheduler's arithmetic against the worked numbers of the reference sheet and the plugins' own tables.</summary>
public class MathExamples
{
    private const long Gi = 1024L * 1024 * 1024;
    private const long Mi = 1024L * 1024;

    [Theory]
    [InlineData(4000, 16 * Gi, 600, 1 * Gi, 89)]
    [InlineData(4000, 16 * Gi, 100, 200 * Mi, 97)]
    [InlineData(2000, 4 * Gi, 2500, 1 * Gi, 37)]
    [InlineData(0, 4 * Gi, 100, 1 * Gi, 75)]
    public void LeastAllocated_averages_the_free_share_of_cpu_and_memory(long cpu, long memory, long requestedCpu, long requestedMemory, long score) =>
        Assert.Equal(score, NodeResourcesFitMath.LeastAllocated(new ResourceList(requestedCpu, requestedMemory, 0, 1), new ResourceList(cpu, memory, 0, 110)));

    [Theory]
    [InlineData(4000, 16 * Gi, 600, 1 * Gi, 10)]
    [InlineData(4000, 16 * Gi, 100, 200 * Mi, 1)]
    [InlineData(2000, 4 * Gi, 2500, 1 * Gi, 62)]
    public void MostAllocated_averages_the_used_share_capped_at_the_capacity(long cpu, long memory, long requestedCpu, long requestedMemory, long score) =>
        Assert.Equal(score, NodeResourcesFitMath.Score(ScoringStrategy.MostAllocated, new ResourceList(requestedCpu, requestedMemory, 0, 1), new ResourceList(cpu, memory, 0, 110)));

    [Theory]
    [InlineData(600, 1024, 11)]
    [InlineData(0, 0, 0)]
    [InlineData(4000, 16384, 100)]
    [InlineData(2000, 0, 50)]
    public void RequestedToCapacityRatio_maps_utilisation_through_the_shape_and_rounds_the_mean_of_positive_scores(long requestedCpu, long requestedMemoryMi, long score)
    {
        var strategy = ScoringStrategy.RequestedToCapacityRatio(new UtilizationShapePoint(0, 0), new UtilizationShapePoint(100, 10));
        Assert.Equal(score, NodeResourcesFitMath.Score(strategy, new ResourceList(requestedCpu, requestedMemoryMi * Mi, 0, 1), new ResourceList(4000, 16 * Gi, 0, 110)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(25, 0)]
    [InlineData(50, 50)]
    [InlineData(75, 100)]
    [InlineData(100, 100)]
    public void The_broken_linear_shape_interpolates_between_points_scaled_to_100(long utilisation, long score)
    {
        var strategy = ScoringStrategy.RequestedToCapacityRatio(new UtilizationShapePoint(25, 0), new UtilizationShapePoint(75, 10));
        Assert.Equal(score, NodeResourcesFitMath.BrokenLinear(strategy, utilisation));
    }

    [Fact]
    public void Every_insufficient_resource_is_reported_in_Kubernetes_order_and_flagged_unresolvable_when_the_pod_alone_is_too_big()
    {
        var reasons = NodeResourcesFitMath.InsufficientResources(new ResourceList(3000, 5 * Gi, 0, 1), new ResourceList(0, 0, 0, 3), new ResourceList(2000, 8 * Gi, 0, 3));
        Assert.Equal([("Too many pods", false), ("Insufficient cpu", true)], reasons);
    }

    [Theory]
    [InlineData(0, 0, 2000, 0, 62)]
    [InlineData(2000, 0, 0, 8, 87)]
    [InlineData(0, 0, 1000, 4, 75)]
    [InlineData(0, 0, 4000, 0, 50)]
    public void BalancedAllocation_rewards_the_change_in_balance_the_pod_makes(long cpuBefore, long memoryGiBefore, long podCpu, long podMemoryGi, long score) =>
        Assert.Equal(score, BalancedAllocationMath.Score(new ResourceList(cpuBefore, memoryGiBefore * Gi, 0, 0), new ResourceList(podCpu, podMemoryGi * Gi, 0, 1), new ResourceList(4000, 16 * Gi, 0, 110)));

    [Theory]
    [InlineData(0L, 1, 1, 1, 0)]
    [InlineData(500L, 1, 1, 1, 48)]
    [InlineData(500L, 1, 2, 1, 23)]
    [InlineData(2000L, 1, 1, 1, 100)]
    [InlineData(2000L, 1, 1, 2, 100)]
    public void ImageLocality_scores_the_spread_scaled_image_sizes_between_the_thresholds(long sizeMi, int nodesWithImage, int nodes, int containers, long score) =>
        Assert.Equal(score, ImageLocalityMath.Priority(sizeMi == 0 ? 0 : ImageLocalityMath.ScaledImageScore(sizeMi * Mi, nodesWithImage, nodes), containers));

    [Theory]
    [InlineData("nginx", "nginx:latest")]
    [InlineData("nginx:1.25", "nginx:1.25")]
    [InlineData("localhost:5000/app", "localhost:5000/app:latest")]
    [InlineData("registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10")]
    public void Image_names_without_a_tag_get_latest(string image, string normalised) =>
        Assert.Equal(normalised, ImageLocalityMath.Normalize(image));

    [Theory]
    [InlineData(false, new long[] { 2, 1, 0 }, new long[] { 100, 50, 0 })]
    [InlineData(true, new long[] { 2, 1, 0 }, new long[] { 0, 50, 100 })]
    [InlineData(true, new long[] { 3, 1 }, new long[] { 0, 67 })]
    [InlineData(true, new long[] { 0, 0 }, new long[] { 100, 100 })]
    [InlineData(false, new long[] { 0, 0 }, new long[] { 0, 0 })]
    public void Default_normalisation_scales_to_100_and_reverses(bool reverse, long[] raw, long[] normalised)
    {
        ScoreMath.DefaultNormalize(raw, reverse);
        Assert.Equal(normalised, raw);
    }

    [Theory]
    [InlineData(new long[] { 3, 2, 0 }, new long[] { 0, 33, 100 })]
    [InlineData(new long[] { 2, 2 }, new long[] { 100, 100 })]
    [InlineData(new long[] { 0, 0 }, new long[] { 100, 100 })]
    [InlineData(new long[] { 6, 4, 5 }, new long[] { 66, 100, 83 })]
    public void Topology_spread_normalisation_favours_emptier_domains(long[] raw, long[] normalised)
    {
        TopologySpreadMath.Normalize(raw, new bool[raw.Length]);
        Assert.Equal(normalised, raw);
    }

    [Fact]
    public void Topology_spread_scores_a_count_with_the_log_of_the_domain_count_plus_two() =>
        Assert.Equal(3, (long)Math.Round(TopologySpreadMath.ScoreForCount(2, 1, TopologySpreadMath.NormalizingWeight(3)), MidpointRounding.AwayFromZero));

    [Theory]
    [InlineData(2, true, 0, 3)]
    [InlineData(0, true, 0, 1)]
    [InlineData(1, true, 1, 1)]
    [InlineData(1, false, 1, 0)]
    public void Skew_is_the_domain_count_plus_self_minus_the_global_minimum(int inDomain, bool self, int minimum, long skew) =>
        Assert.Equal(skew, TopologySpreadMath.Skew(inDomain, self, minimum));

    [Theory]
    [InlineData(3, 3)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(500, 230)]
    [InlineData(1000, 420)]
    [InlineData(5000, 500)]
    [InlineData(5625, 281)]
    [InlineData(6000, 300)]
    public void The_number_of_feasible_nodes_to_find_adapts_to_the_cluster_size(int nodes, int toFind) =>
        Assert.Equal(toFind, SchedulingMath.NumFeasibleNodesToFind(nodes));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 10)]
    [InlineData(40, 10)]
    public void Back_off_doubles_from_one_second_to_ten(int attempts, long seconds) =>
        Assert.Equal(seconds, SchedulingMath.BackoffSeconds(attempts, 1, 10));

    [Theory]
    [InlineData(3, 3)]
    [InlineData(100, 100)]
    [InlineData(500, 100)]
    [InlineData(5000, 500)]
    public void Preemption_looks_for_a_tenth_of_the_nodes_but_at_least_one_hundred_candidates(int nodes, int candidates) =>
        Assert.Equal(candidates, SchedulingMath.NumPreemptionCandidates(nodes));

    [Theory]
    [InlineData("100m", null, null, null, false, 100, 200)]
    [InlineData("100m", "500m", null, null, false, 500, 500)]
    [InlineData("200m", "100m", "250m", "50m", true, 400, 450)]
    [InlineData("200m", "250m", "100m", null, false, 300, 400)]
    public void Pod_requests_take_the_larger_of_the_app_phase_and_the_init_phase_plus_overhead(
        string app, string? init1, string? init2, string? overhead, bool lastInitIsSidecar, long request, long nonZeroWithAnEmptyContainer)
    {
        var inits = new[] { init1, init2 }.Where(c => c is not null).ToList();
        var spec = new PodSpec
        {
            Containers = [Cluster.Container("app", app, "1Gi")],
            InitContainers = [.. inits.Select((c, i) => Cluster.Container($"init-{i}", c, null) with
            {
                // Row 3's first init container and row 4's second are sidecars.
                RestartPolicy = (lastInitIsSidecar ? i == 0 : i == inits.Count - 1 && inits.Count == 2) ? RestartPolicy.Always : null,
            })],
            Overhead = overhead is null ? default : Collections.ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse(overhead)),
        };
        Assert.Equal(request, PodResources.Requests(spec).MilliCpu);

        // A container without requests counts as 100m when scoring (the non-zero request), not when fitting.
        var withEmpty = spec with { Containers = spec.Containers.Add(new Container { Name = "empty" }) };
        Assert.Equal(request, PodResources.Requests(withEmpty).MilliCpu);
        Assert.Equal(nonZeroWithAnEmptyContainer, PodResources.NonZeroRequests(withEmpty).MilliCpu);
    }

    [Theory]
    [InlineData("TCP", 80, "0.0.0.0", "TCP", 80, "10.0.0.1", true)]
    [InlineData("TCP", 80, "10.0.0.1", "TCP", 80, "10.0.0.2", false)]
    [InlineData("TCP", 80, "10.0.0.1", "TCP", 80, "10.0.0.1", true)]
    [InlineData("TCP", 80, "0.0.0.0", "UDP", 80, "0.0.0.0", false)]
    [InlineData("TCP", 80, "0.0.0.0", "TCP", 81, "0.0.0.0", false)]
    public void Host_ports_conflict_on_the_same_protocol_and_port_when_either_binds_every_address_or_both_the_same(string p1, int port1, string ip1, string p2, int port2, string ip2, bool conflict) =>
        Assert.Equal(conflict, new HostPort(p1, port1, ip1).ConflictsWith(new HostPort(p2, port2, ip2)));

    [Theory]
    [InlineData("zone=a", "zone", NodeSelectorOperator.In, "a,b", true)]
    [InlineData("zone=c", "zone", NodeSelectorOperator.In, "a,b", false)]
    [InlineData("", "zone", NodeSelectorOperator.NotIn, "a", true)]
    [InlineData("zone=a", "zone", NodeSelectorOperator.NotIn, "a", false)]
    [InlineData("gpu-count=4", "gpu-count", NodeSelectorOperator.Gt, "2", true)]
    [InlineData("gpu-count=4", "gpu-count", NodeSelectorOperator.Lt, "2", false)]
    [InlineData("gpu-count=four", "gpu-count", NodeSelectorOperator.Gt, "2", false)]
    [InlineData("disk=ssd", "disk", NodeSelectorOperator.Exists, "", true)]
    [InlineData("disk=ssd", "disk", NodeSelectorOperator.DoesNotExist, "", false)]
    public void Node_selector_requirements_follow_the_operator_semantics(string labels, string key, NodeSelectorOperator op, string values, bool matches)
    {
        var map = labels.Length == 0 ? default : Collections.ValueMap.Of(labels.Split(',').Select(l => (l.Split('=')[0], l.Split('=')[1])).ToArray());
        var requirement = new NodeSelectorRequirement(key, op, values.Length == 0 ? default : Collections.ValueList.ToValueList(values.Split(',')));
        Assert.Equal(matches, NodeSelectorMath.Matches(requirement, map));
    }

    [Fact]
    public void A_node_selector_term_without_expressions_matches_no_node() =>
        Assert.False(NodeSelectorMath.Matches(new NodeSelectorTerm(default, default), Cluster.Node("node-1")));

    [Fact]
    public void The_unschedulable_message_counts_first_rejections_sorted_as_strings()
    {
        var node = NodeInfo.For(Cluster.Node("n"));
        var diagnosis = new Diagnosis(3, null,
        [
            new RejectedNode(node, Status.Unresolvable("TaintToleration", "node(s) had untolerated taint(s)")),
            new RejectedNode(node, Status.Unschedulable("NodeResourcesFit", "Insufficient cpu")),
            new RejectedNode(node, Status.Unschedulable("NodeResourcesFit", "Insufficient cpu", "Insufficient memory")),
        ]);
        Assert.Equal(
            "0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: x.",
            FitError.Message(diagnosis, "preemption: x."));
        Assert.Equal("0/3 nodes are available: persistentvolumeclaim \"data\" not found.", FitError.Message(new Diagnosis(3, Status.Unresolvable("VolumeZone", "persistentvolumeclaim \"data\" not found"), []), null));
        Assert.Equal("no nodes available to schedule pods", FitError.Message(new Diagnosis(0, null, []), null));
    }
}
