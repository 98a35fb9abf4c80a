using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Scheduling;
using KubeKernel.Scheduling.Plugins;
using static KubeKernel.Properties.Scheduling.Cluster;

namespace KubeKernel.Properties.Scheduling;

/// <summary>Extended resources (<c>nvidia.com/gpu</c>), hugepages and prefixed native resources in NodeResourcesFit.</summary>
public class ExtendedResourceExamples
{
    /// <summary>
    /// <c>fit_test.go</c>'s <c>TestEnoughRequests</c> rows with scalar resources. The node offers 10m cpu, 20 bytes of memory,
    /// 32 pods, 5 <c>example.com/aaa</c>, 20 bytes of ephemeral storage and 5 <c>hugepages-2Mi</c>; containers are separated
    /// by <c>;</c>, each resource written <c>name=amount</c>; the expected reasons carry <c>!</c> when unresolvable.
    /// </summary>
    [Theory]
    [InlineData("extended resource fits", "example.com/aaa=1", "", "", "")]
    [InlineData("extended resource fits for init container", "", "example.com/aaa=1", "", "")]
    [InlineData("extended resource capacity enforced", "cpu=1m,memory=1,example.com/aaa=10", "", "example.com/aaa=0", "Insufficient example.com/aaa!")]
    [InlineData("extended resource capacity enforced for init container", "", "cpu=1m,memory=1,example.com/aaa=10", "example.com/aaa=0", "Insufficient example.com/aaa!")]
    [InlineData("extended resource allocatable enforced", "cpu=1m,memory=1,example.com/aaa=1", "", "example.com/aaa=5", "Insufficient example.com/aaa")]
    [InlineData("extended resource allocatable enforced for init container", "", "cpu=1m,memory=1,example.com/aaa=1", "example.com/aaa=5", "Insufficient example.com/aaa")]
    [InlineData("extended resource allocatable enforced for multiple containers", "cpu=1m,memory=1,example.com/aaa=3;cpu=1m,memory=1,example.com/aaa=3", "", "example.com/aaa=2", "Insufficient example.com/aaa!")]
    [InlineData("extended resource allocatable admits multiple init containers", "", "cpu=1m,memory=1,example.com/aaa=3;cpu=1m,memory=1,example.com/aaa=3", "example.com/aaa=2", "")]
    [InlineData("extended resource allocatable enforced for multiple init containers", "", "cpu=1m,memory=1,example.com/aaa=6;cpu=1m,memory=1,example.com/aaa=3", "example.com/aaa=2", "Insufficient example.com/aaa!")]
    [InlineData("extended resource allocatable enforced for unknown resource", "cpu=1m,memory=1,example.com/bbb=1", "", "", "Insufficient example.com/bbb!")]
    [InlineData("extended resource allocatable enforced for unknown resource for init container", "", "cpu=1m,memory=1,example.com/bbb=1", "", "Insufficient example.com/bbb!")]
    [InlineData("kubernetes.io resource capacity enforced", "cpu=1m,memory=1,kubernetes.io/something=10", "", "", "Insufficient kubernetes.io/something!")]
    [InlineData("kubernetes.io resource capacity enforced for init container", "", "cpu=1m,memory=1,subdomain.kubernetes.io/something=10", "", "Insufficient subdomain.kubernetes.io/something!")]
    [InlineData("hugepages resource capacity enforced", "cpu=1m,memory=1,hugepages-2Mi=10", "", "hugepages-2Mi=0", "Insufficient hugepages-2Mi!")]
    [InlineData("hugepages resource capacity enforced for init container", "", "cpu=1m,memory=1,hugepages-2Mi=10", "hugepages-2Mi=0", "Insufficient hugepages-2Mi!")]
    [InlineData("hugepages resource allocatable enforced for multiple containers", "cpu=1m,memory=1,hugepages-2Mi=3;cpu=1m,memory=1,hugepages-2Mi=3", "", "hugepages-2Mi=2", "Insufficient hugepages-2Mi!")]
    public void TestEnoughRequests(string name, string containers, string initContainers, string onTheNode, string reasons)
    {
        var node = new Node(new ObjectMeta { Name = "node" }, new NodeSpec(false, default), new NodeStatus(default, Requests("cpu=10m,memory=20,pods=32,example.com/aaa=5,ephemeral-storage=20,hugepages-2Mi=5"), default, default, default));
        var pod = new PodSpec { Containers = Containers(containers), InitContainers = Containers(initContainers) };
        var existing = new PodSpec { Containers = [new Container { Name = "existing", Resources = new ResourceRequirements(Requests(onTheNode), default) }] };

        var requests = PodResources.Requests(pod);
        var requested = PodResources.Requests(existing);
        var allocatable = PodResources.Allocatable(node);
        var expected = reasons.Length == 0 ? [] : reasons.Split(';').Select(r => (r.TrimEnd('!'), r.EndsWith('!'))).ToList();

        Assert.True(expected.SequenceEqual(NodeResourcesFitMath.InsufficientResources(requests, requested, allocatable)), name);
        Assert.Equal(expected.Count == 0, NodeResourcesFitMath.Fits(requests, requested, allocatable));
    }

    [Fact]
    public void A_pod_asking_for_a_GPU_no_node_has_stays_pending_with_Kubernetes_message()
    {
        var state = With(Node("node-1"), Node("node-2"), Node("node-3")).Place(GpuPod("trainer", 1));
        Assert.Null(state.NodeOf("trainer"));
        Assert.Equal(
            "0/3 nodes are available: 3 Insufficient nvidia.com/gpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
            state.UnschedulableMessage("trainer"));
    }

    [Fact]
    public void A_GPU_pod_goes_to_the_GPU_node_and_the_next_one_waits_for_a_free_GPU()
    {
        var state = With(Node("node-1"), GpuNode("gpu-1", 1)).Place(GpuPod("first", 1)).Place(GpuPod("second", 1));
        Assert.Equal("gpu-1", state.NodeOf("first"));
        Assert.Null(state.NodeOf("second"));
        Assert.StartsWith("0/2 nodes are available: 2 Insufficient nvidia.com/gpu.", state.UnschedulableMessage("second"));
    }

    [Fact]
    public void A_GPU_freed_by_a_deleted_pod_leaves_no_trace_in_the_node_sums()
    {
        var gpu = PodResources.Requests(GpuPod("p", 2).Spec);
        Assert.Equal(2, gpu.Get("nvidia.com/gpu"));
        Assert.True((gpu + gpu - gpu - gpu).ScalarResources.IsEmpty);
        Assert.True(PodResources.Requests(Pod("plain").Spec).ScalarResources.IsEmpty);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Extended_resources_count_in_scoring_only_when_configured_and_requested(int podGpus)
    {
        // A 4-GPU node with 1 GPU in use: LeastAllocated on gpu alone gives (4 - 2) × 100 / 4 = 50 for a pod of one GPU.
        var allocatable = new ResourceList(4000, 16L << 30, 0, 110) { ScalarResources = Gpus(4) };
        var pod = podGpus == 0 ? default : new ResourceList(0, 0, 0, 1) { ScalarResources = Gpus(podGpus) };
        var requested = new ResourceList(0, 0, 0, 1) { ScalarResources = Gpus(1 + podGpus) };
        var gpuOnly = new ScoringStrategy(ScoringStrategyType.LeastAllocated, [new ResourceSpec("nvidia.com/gpu", 1)], default);
        var cpuAndGpu = new ScoringStrategy(ScoringStrategyType.MostAllocated, [new ResourceSpec("cpu", 1), new ResourceSpec("nvidia.com/gpu", 1)], default);

        // A pod without GPUs ignores the node's GPUs (no resource scored → 0); the default strategy never looks at them.
        Assert.Equal(podGpus == 0 ? 0 : 50, NodeResourcesFitMath.Score(gpuOnly, requested, allocatable, pod));
        Assert.Equal(podGpus == 0 ? 0 : 25, NodeResourcesFitMath.Score(cpuAndGpu, requested, allocatable, pod));
        Assert.Equal(100, NodeResourcesFitMath.Score(ScoringStrategy.LeastAllocated, requested, allocatable, pod));
    }

    internal static Node GpuNode(string name, int gpus)
    {
        var node = Node(name);
        var capacity = node.Status.Capacity.SetItem("nvidia.com/gpu", Quantity.FromUnits(gpus));
        return node with { Status = node.Status with { Capacity = capacity, Allocatable = capacity } };
    }

    internal static Pod GpuPod(string name, int gpus)
    {
        var pod = Pod(name);
        var gpu = ValueMap<string, Quantity>.Empty.SetItem("nvidia.com/gpu", Quantity.FromUnits(gpus));
        var container = pod.Spec.Containers[0];
        return pod.With(s => s with
        {
            Containers = [container with { Resources = new ResourceRequirements(container.Resources.Requests.SetItems(gpu), gpu) }],
        });
    }

    private static ValueMap<string, long> Gpus(long count) => ValueMap<string, long>.Empty.SetItem("nvidia.com/gpu", count);

    private static ValueList<Container> Containers(string text) =>
        text.Length == 0 ? default : text.Split(';').Select((c, i) => new Container { Name = $"c{i}", Resources = new ResourceRequirements(Requests(c), default) }).ToValueList();

    private static ValueMap<string, Quantity> Requests(string text) =>
        text.Length == 0 ? default : new(text.Split(',').Select(r => KeyValuePair.Create(r.Split('=')[0], Quantity.Parse(r.Split('=')[1]))));
}
