using k8s;
using KubeKernel.Adapters.Manifests;
using KubeKernel.Collections;
using KubeKernel.Model;
using V1Pod = k8s.Models.V1Pod;

namespace KubeKernel.Properties.Serving.Wire;

/// <summary>Named examples of the fields that are easiest to lose between the kernel and the stored JSON.</summary>
public class WireRoundTripExamples
{
    public static TheoryData<string> KindNames => [.. WireExamples.All.Select(o => o.Kind)];

    [Theory]
    [MemberData(nameof(KindNames))]
    public void An_object_with_every_modelled_field_set_round_trips(string kind) =>
        AssertRoundTrips(WireExamples.All.Single(o => o.Kind == kind));

    [Theory]
    [InlineData("250m")]
    [InlineData("1.5")]
    [InlineData("128Mi")]
    [InlineData("1.5Gi")]
    [InlineData("1e3")]
    [InlineData("2k")]
    [InlineData("1536")]
    [InlineData("0")]
    [InlineData("0.0001")]
    [InlineData("100u")]
    [InlineData("1n")]
    public void A_quantity_keeps_its_value_and_format(string text) =>
        AssertRoundTrips(PodRequesting(Quantity.Parse(text)));

    [Theory]
    [MemberData(nameof(ComputedQuantities))]
    public void A_computed_quantity_keeps_its_value_and_format(Quantity quantity) => AssertRoundTrips(PodRequesting(quantity));

    public static TheoryData<Quantity> ComputedQuantities =>
    [
        Quantity.FromMilli(1_500),
        Quantity.FromUnits(1, QuantityFormat.BinarySI) + Quantity.Parse("1023"),
        Quantity.Parse("1e3") + Quantity.Parse("0.5"),
        Quantity.Parse("5e-1"),
        Quantity.Parse("1Gi") - Quantity.Parse("1Mi"),
    ];

    /// <summary>
    /// A binary amount that no binary suffix prints whole prints as a decimal number, in Kubernetes as here, so it reads
    /// back in decimal SI: the value survives, the format has no wire field (an API server's storage loses it the same way).
    /// </summary>
    [Theory]
    [InlineData("1.5Ki", "1536")]
    [InlineData("0.5Ki", "512")]
    [InlineData("0Mi", "0")]
    public void A_binary_quantity_no_suffix_prints_whole_keeps_its_value_and_reads_back_in_decimal_SI(string text, string wire)
    {
        var quantity = Quantity.Parse(text);
        var pod = PodRequesting(quantity);
        var json = KubernetesJson.Serialize(KernelToWire.Map(pod));
        Assert.Contains($"\"example.com/q\":\"{wire}\"", json, StringComparison.Ordinal);
        var read = (Pod)WireToKernel.MapStored(WireRoundTrip.Deserialize(KernelToWire.Map(pod), json));
        Assert.Equal(new Quantity(quantity.Amount, QuantityFormat.DecimalSI), read.Spec.Containers[0].Resources.Requests["example.com/q"]);
    }

    [Fact]
    public void A_quantity_finer_than_a_nano_unit_is_rounded_up_to_one_as_Kubernetes_does()
    {
        var read = (Pod)WireToKernel.MapStored(KernelToWire.Map(PodRequesting(Quantity.Parse("0.0000000001"))));
        Assert.Equal(Quantity.Parse("1n"), read.Spec.Containers[0].Resources.Requests["example.com/q"]);
    }

    [Fact]
    public void An_int_or_string_keeps_whether_it_was_a_number_or_a_name()
    {
        foreach (var port in new[] { IntOrString.FromInt(8080), IntOrString.FromString("http"), IntOrString.FromInt(0) })
        {
            var probe = new Probe { Handler = new ProbeHandler(new HttpGetAction("/", port), port, default) };
            AssertRoundTrips(WireExamples.Pod with { Spec = WireExamples.Spec with { Containers = [new Container { Name = "app", Image = "app", ReadinessProbe = probe }] } });
        }

        foreach (var surge in new IntOrString?[] { IntOrString.FromString("25%"), IntOrString.FromInt(0), null })
        {
            AssertRoundTrips(WireExamples.Deployment with { Spec = WireExamples.Deployment.Spec with { Strategy = new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, new RollingUpdateDeployment(surge, surge)) } });
        }
    }

    [Fact]
    public void A_timestamp_keeps_its_milliseconds_in_the_JSON_text()
    {
        var json = KubernetesJson.Serialize(KernelToWire.Map(WireExamples.Pod));
        Assert.Contains("\"creationTimestamp\":\"2026-01-01T00:00:01.234000Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"deletionTimestamp\":\"2026-01-01T00:01:01.001000Z\"", json, StringComparison.Ordinal);
        AssertRoundTrips(WireExamples.Pod);
    }

    [Fact]
    public void A_created_object_at_time_zero_and_an_object_not_yet_created_stay_apart()
    {
        AssertRoundTrips(WireExamples.Pod with { Metadata = WireExamples.Pod.Metadata with { CreationTimestamp = 0 } });
        AssertRoundTrips(WireExamples.Pod with { Metadata = WireExamples.Pod.Metadata with { Uid = string.Empty, CreationTimestamp = 0, ResourceVersion = 0, Generation = 0 } });
        AssertRoundTrips(WireExamples.Pod with { Metadata = WireExamples.Pod.Metadata with { Uid = string.Empty } });
    }

    [Fact]
    public void Empty_and_absent_values_stay_apart_where_the_kernel_tells_them_apart()
    {
        var job = WireExamples.Job;
        AssertRoundTrips(job with { Status = job.Status with { UncountedTerminatedPods = UncountedTerminatedPods.Empty } });
        AssertRoundTrips(job with { Status = job.Status with { UncountedTerminatedPods = null } });
        AssertRoundTrips(job with { Spec = job.Spec with { Selector = null, PodFailurePolicy = new PodFailurePolicy(default) } });
        AssertRoundTrips(job with { Spec = job.Spec with { Selector = LabelSelector.Empty, PodFailurePolicy = null } });

        var spec = WireExamples.Spec;
        AssertRoundTrips(WireExamples.Pod with { Spec = spec with { Affinity = new Affinity(new NodeAffinity(default, default), new PodAffinity(default, default), null) } });
        AssertRoundTrips(WireExamples.Pod with { Spec = spec with { Affinity = new Affinity(null, null, null), Containers = default, NodeName = null } });
        AssertRoundTrips(WireExamples.Pod with { Spec = new PodSpec(), Status = new PodStatus() });
        AssertRoundTrips(WireExamples.Deployment with { Spec = WireExamples.Deployment.Spec with { Selector = null } });
        AssertRoundTrips(WireExamples.EndpointSlice with { Endpoints = default, Ports = default });
        AssertRoundTrips(WireExamples.Node with { Status = WireExamples.Node.Status with { Allocatable = default, Addresses = default } });
        AssertRoundTrips(WireExamples.Service with { Spec = new ServiceSpec(), Status = ServiceStatus.Empty });
    }

    [Fact]
    public void A_container_without_a_last_state_and_one_with_each_state_round_trip()
    {
        var status = WireExamples.Pod.Status;
        var statuses = status.ContainerStatuses.Select(c => c with { LastState = null }).ToValueList();
        AssertRoundTrips(WireExamples.Pod with { Status = status with { ContainerStatuses = statuses } });
    }

    [Fact]
    public void A_manifest_read_still_drops_status_and_server_set_metadata()
    {
        var read = (Pod)WireToKernel.Map(KernelToWire.Map(WireExamples.Pod));
        Assert.Equal(new PodStatus(), read.Status);
        Assert.Equal(0, read.Metadata.ResourceVersion);
        Assert.Equal(0, read.Metadata.Generation);
        Assert.Equal(0, read.Metadata.CreationTimestamp);
        Assert.Null(read.Metadata.DeletionTimestamp);
        Assert.Equal(WireExamples.Pod.Spec, read.Spec);

        var node = (Node)WireToKernel.Map(KernelToWire.Map(WireExamples.Node));
        Assert.True(node.Status.Conditions.IsEmpty);
        Assert.Contains("node-1", node.Status.Addresses);
    }

    [Fact]
    public void A_failed_comparison_names_the_object_and_the_field()
    {
        var pod = WireExamples.Pod;
        var changed = pod with { Status = pod.Status with { ContainerStatuses = pod.Status.ContainerStatuses.SetItem(0, pod.Status.ContainerStatuses[0] with { State = ContainerState.Running(3_004) }) } };
        Assert.Equal("Status.ContainerStatuses[0].State.StartedAt: expected 3003, got 3004", StructuralDiff.Find(pod, changed));
        Assert.Null(StructuralDiff.Find(pod, pod with { }));
    }

    [Fact]
    public void A_stored_resource_version_that_is_not_a_revision_is_refused_with_the_field()
    {
        var wire = (V1Pod)KernelToWire.Map(WireExamples.Pod);
        wire.Metadata.ResourceVersion = "abc";
        var error = Assert.Throws<ManifestException>(() => WireToKernel.MapStored(wire));
        Assert.StartsWith("metadata.resourceVersion: Invalid value: \"abc\"", error.Message, StringComparison.Ordinal);
    }

    private static Pod PodRequesting(Quantity quantity)
    {
        var resources = new ResourceRequirements(new Dictionary<string, Quantity> { ["example.com/q"] = quantity }.ToValueMap(), default);
        return WireExamples.Pod with { Spec = WireExamples.Spec with { Containers = [new Container { Name = "app", Image = "app", Resources = resources }] } };
    }

    private static void AssertRoundTrips(KubeObject obj)
    {
        if (WireRoundTrip.Failure(obj) is { } failure)
        {
            Assert.Fail(failure);
        }
    }
}
