using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Pods;

namespace KubeKernel.Properties.Api;

/// <summary>A pod's QoS class, computed as <c>ComputePodQOS</c> does and set by the API server when the pod is created.</summary>
public class QosClassTests
{
    /// <summary>
    /// <c>qos_test.go</c>'s <c>TestGetPodQOS</c> rows, by name. Containers are separated by <c>;</c>, each written
    /// <c>requests/limits</c> with <c>cpu,memory</c> (empty for none) and an optional <c>+gpu</c> on the limits
    /// (<c>nvidia-gpu: 2</c>, which QoS ignores).
    /// </summary>
    [Theory]
    [InlineData("guaranteed", "100m,100Mi/100m,100Mi", PodQosClass.Guaranteed)]
    [InlineData("guaranteed-with-gpu", "100m,100Mi/100m,100Mi+gpu", PodQosClass.Guaranteed)]
    [InlineData("guaranteed-guaranteed", "100m,100Mi/100m,100Mi;100m,100Mi/100m,100Mi", PodQosClass.Guaranteed)]
    [InlineData("guaranteed-guaranteed-with-gpu", "100m,100Mi/100m,100Mi+gpu;100m,100Mi/100m,100Mi", PodQosClass.Guaranteed)]
    [InlineData("best-effort-best-effort", ",/,;,/,", PodQosClass.BestEffort)]
    [InlineData("best-effort-best-effort-with-gpu", ",/,+gpu;,/,", PodQosClass.BestEffort)]
    [InlineData("best-effort-with-gpu", ",/,+gpu", PodQosClass.BestEffort)]
    [InlineData("best-effort-burstable", ",/,+gpu;1,/2,", PodQosClass.Burstable)]
    [InlineData("best-effort-guaranteed", ",/,+gpu;10m,100Mi/10m,100Mi", PodQosClass.Burstable)]
    [InlineData("burstable-cpu-guaranteed-memory", ",100Mi/,100Mi", PodQosClass.Burstable)]
    [InlineData("burstable-no-limits", "100m,100Mi/,", PodQosClass.Burstable)]
    [InlineData("burstable-guaranteed", "1,100Mi/2,100Mi;100m,100Mi/100m,100Mi", PodQosClass.Burstable)]
    [InlineData("burstable-unbounded-but-requests-match-limits", "100m,100Mi/200m,200Mi;100m,100Mi/,", PodQosClass.Burstable)]
    [InlineData("burstable-1", "10m,100Mi/100m,200Mi", PodQosClass.Burstable)]
    [InlineData("burstable-2", "0,0/100m,200Mi+gpu", PodQosClass.Burstable)]
    public void TestGetPodQOS(string name, string containers, PodQosClass expected) =>
        Assert.True(expected == QosMath.Compute(new PodSpec { Containers = Containers(containers) }), name);

    /// <summary>Init containers count like the others (the kernel's own rows: <c>ComputePodQOS</c> walks both lists).</summary>
    [Theory]
    [InlineData("100m,100Mi/100m,100Mi", "100m,100Mi/100m,100Mi", PodQosClass.Guaranteed)]
    [InlineData("100m,100Mi/100m,100Mi", ",/,", PodQosClass.Burstable)]
    [InlineData(",/,", "100m,/,", PodQosClass.Burstable)]
    [InlineData(",/,", ",/,", PodQosClass.BestEffort)]
    public void Init_containers_count_like_the_others(string container, string initContainer, PodQosClass expected) =>
        Assert.Equal(expected, QosMath.Compute(new PodSpec { Containers = Containers(container), InitContainers = Containers(initContainer) }));

    [Fact]
    public void The_API_server_sets_the_class_on_create_and_keeps_it_when_a_status_write_leaves_it_out()
    {
        var pod = new Pod(
            new ObjectMeta { Name = "web", Namespace = "default" },
            new PodSpec { Containers = [new Container { Name = "app", Image = "nginx", Resources = new ResourceRequirements(default, Resources("500m,64Mi")) }] },
            new PodStatus { QosClass = PodQosClass.BestEffort });
        var created = Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", pod, SubmitVerb.Create));
        var stored = created.State.Store.Get<Pod>("default", "web")!;

        // Limits alone: the requests are copied from them, so the pod is Guaranteed whatever the client wrote in status.
        Assert.Equal(PodQosClass.Guaranteed, stored.Status.QosClass);

        var statusWrite = Kernel.Step(created.State, new ObjectSubmitted("r2", stored with { Status = new PodStatus() }, SubmitVerb.UpdateStatus));
        Assert.True(statusWrite.Commands.OfType<Reply>().Single().Result.IsSuccess);
        Assert.Equal(PodQosClass.Guaranteed, statusWrite.State.Store.Get<Pod>("default", "web")!.Status.QosClass);
    }

    private static ValueList<Container> Containers(string text) => text.Split(';').Select((c, i) =>
    {
        var (requests, limits) = (c.Split('/')[0], c.Split('/')[1]);
        var gpu = limits.EndsWith("+gpu", StringComparison.Ordinal);
        var limitMap = Resources(gpu ? limits[..^4] : limits);
        return new Container
        {
            Name = $"c{i}",
            Resources = new ResourceRequirements(Resources(requests), gpu ? limitMap.SetItem("nvidia-gpu", Quantity.Parse("2")) : limitMap),
        };
    }).ToValueList();

    private static ValueMap<string, Quantity> Resources(string cpuAndMemory)
    {
        var parts = cpuAndMemory.Split(',');
        var map = ValueMap<string, Quantity>.Empty;
        if (parts[0].Length > 0)
        {
            map = map.SetItem("cpu", Quantity.Parse(parts[0]));
        }

        if (parts.Length > 1 && parts[1].Length > 0)
        {
            map = map.SetItem("memory", Quantity.Parse(parts[1]));
        }

        return map;
    }
}
