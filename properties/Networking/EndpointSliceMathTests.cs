using KubeKernel.Collections;
using KubeKernel.Controllers;
using KubeKernel.Controllers.EndpointSlices;
using KubeKernel.Model;
using KubeKernel.Networking;
using static KubeKernel.Properties.Networking.Services;

namespace KubeKernel.Properties.Networking;

/// <summary>The EndpointSlice reconciler: conditions, ports, packing into slices of at most 100, the placeholder.</summary>
public class EndpointSliceMathTests
{
    private static readonly Service Web = Of("web").With(s => s with { ClusterIP = "10.96.1.1" }) with { Metadata = new ObjectMeta { Name = "web", Namespace = "default", Uid = "svc-uid" } };

    private static Node? AnyNode(string name) => Node(name, zone: "zone-a");

    private static List<Pod> Pods(int count, string prefix = "web") =>
        Enumerable.Range(0, count).Select(i => ReadyPod($"{prefix}-{i:D3}", "web", "node-1", $"10.244.{i / 250}.{(i % 250) + 2}")).ToList();

    private static List<EndpointSlice> Apply(SlicePlan plan, IReadOnlyList<EndpointSlice> existing)
    {
        // Stand in for the API server: name new slices and apply the plan.
        var byName = existing.ToDictionary(s => s.Metadata.Name);
        foreach (var deleted in plan.Delete)
        {
            byName.Remove(deleted.Metadata.Name);
        }

        foreach (var updated in plan.Update)
        {
            byName[updated.Metadata.Name] = updated;
        }

        var n = byName.Count;
        foreach (var created in plan.Create)
        {
            var name = $"web-{n++:D2}";
            byName[name] = created with { Metadata = created.Metadata with { Name = name } };
        }

        return [.. byName.Values.OrderBy(s => s.Metadata.Name, StringComparer.Ordinal)];
    }

    public static TheoryData<bool, bool, bool, bool?, bool?, bool?> Conditions => new()
    {
        // ready pod, being deleted, publishNotReadyAddresses → ready, serving, terminating
        { true, false, false, true, true, false },
        { false, false, false, false, false, false },
        { true, true, false, false, true, true },
        { false, true, false, false, false, true },
        { false, false, true, true, false, false },
        { true, true, true, true, true, true },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Endpoint_conditions_follow_podToEndpoint(bool podReady, bool deleting, bool publishNotReady, bool? ready, bool? serving, bool? terminating)
    {
        var pod = ReadyPod("web-0", "web", "node-1", "10.244.0.2", podReady);
        if (deleting)
        {
            pod = pod with { Metadata = pod.Metadata with { DeletionTimestamp = 1 } };
        }

        var endpoint = EndpointSliceMath.PodToEndpoint(pod, AnyNode("node-1"), Web.With(s => s with { PublishNotReadyAddresses = publishNotReady }));
        Assert.Equal(new EndpointConditions(ready, serving, terminating), endpoint.Conditions);
        Assert.Equal("zone-a", endpoint.Zone);
        Assert.Equal("node-1", endpoint.NodeName);
        Assert.Equal(new ObjectRef("Pod", "default", "web-0", "uid-web-0"), endpoint.TargetRef);
    }

    [Fact]
    public void A_hostname_is_published_only_when_the_pod_subdomain_is_the_service()
    {
        var pod = ReadyPod("web-0", "web", "node-1", "10.244.0.2");
        var named = pod with { Spec = pod.Spec with { Hostname = "web-0", Subdomain = "web" } };
        Assert.Equal("web-0", EndpointSliceMath.PodToEndpoint(named, null, Web).Hostname);
        Assert.Null(EndpointSliceMath.PodToEndpoint(named with { Spec = named.Spec with { Subdomain = "other" } }, null, Web).Hostname);
    }

    [Fact]
    public void Named_target_ports_resolve_per_pod_and_pods_that_resolve_differently_get_separate_slices()
    {
        var svc = Web.With(s => s with { Ports = [Port(80, name: "http", target: IntOrString.FromString("http"))] });
        var a = ReadyPod("web-a", "web", "node-1", "10.244.0.2", true, new ContainerPort(8080, Name: "http"));
        var b = ReadyPod("web-b", "web", "node-1", "10.244.0.3", true, new ContainerPort(9090, Name: "http"));
        var c = ReadyPod("web-c", "web", "node-1", "10.244.0.4", true, new ContainerPort(9090, "UDP", "http"));
        Assert.Equal([new EndpointPort("http", "TCP", 8080)], EndpointSliceMath.EndpointPorts(svc, a));
        Assert.True(EndpointSliceMath.EndpointPorts(svc, c).IsEmpty);

        var plan = EndpointSliceMath.Plan(svc, [a, b, c], [], AnyNode, 100);
        Assert.Equal(3, plan.Create.Count);
        Assert.Equal(["http/TCP/8080|1", "http/TCP/9090|1", "|1"], plan.Create.Select(s => $"{string.Join(",", s.Ports.Select(p => $"{p.Name}/{p.Protocol}/{p.Port}"))}|{s.Endpoints.Count}").Order(StringComparer.Ordinal));
    }

    public static TheoryData<int, int[]> Packing => new()
    {
        { 0, [0] },
        { 1, [1] },
        { 100, [100] },
        { 101, [100, 1] },
        { 250, [100, 100, 50] },
    };

    [Theory]
    [MemberData(nameof(Packing))]
    public void New_endpoints_are_packed_into_slices_of_at_most_100(int pods, int[] sizes)
    {
        var plan = EndpointSliceMath.Plan(Web, Pods(pods), [], AnyNode, 100);
        Assert.Equal(sizes, plan.Create.Select(s => s.Endpoints.Count));
        Assert.All(plan.Create, s =>
        {
            Assert.Equal("web-", s.Metadata.GenerateName);
            Assert.Equal("web", s.Metadata.Labels[EndpointSliceLabels.ServiceName]);
            Assert.Equal(EndpointSliceLabels.ControllerName, s.Metadata.Labels[EndpointSliceLabels.ManagedBy]);
            Assert.Equal(new OwnerReference("v1", "Service", "web", "svc-uid", true, true), s.Metadata.OwnerReferences.Single());
        });
    }

    [Fact]
    public void Reconciling_again_changes_nothing()
    {
        var slices = Apply(EndpointSliceMath.Plan(Web, Pods(250), [], AnyNode, 100), []);
        Assert.True(EndpointSliceMath.Plan(Web, Pods(250), slices, AnyNode, 100).IsEmpty);
    }

    [Fact]
    public void Removed_pods_leave_their_slice_and_an_emptied_slice_is_deleted_not_rebalanced()
    {
        var slices = Apply(EndpointSliceMath.Plan(Web, Pods(250), [], AnyNode, 100), []);
        var remaining = Pods(250).Where((_, i) => i is not (>= 100 and < 200) and not 5).ToList();
        var plan = EndpointSliceMath.Plan(Web, remaining, slices, AnyNode, 100);
        Assert.Empty(plan.Create);
        Assert.Equal([99], plan.Update.Select(s => s.Endpoints.Count));
        Assert.Single(plan.Delete);
        Assert.Equal([99, 50], Apply(plan, slices).Select(s => s.Endpoints.Count));
    }

    [Fact]
    public void New_pods_top_up_slices_being_updated_then_the_unchanged_slice_closest_to_full()
    {
        var slices = Apply(EndpointSliceMath.Plan(Web, Pods(250), [], AnyNode, 100), []);

        // One pod of the full first slice goes, 30 new ones come: the updated slice takes one, the half-full one the rest.
        var pods = Pods(250).Where((_, i) => i != 0).Concat(Pods(30, "zzz")).ToList();
        var after = Apply(EndpointSliceMath.Plan(Web, pods, slices, AnyNode, 100), slices);
        Assert.Equal([100, 100, 79], after.Select(s => s.Endpoints.Count));

        // 60 more fit no slice whole: a new slice is created rather than splitting them.
        var more = pods.Concat(Pods(60, "zzzz")).ToList();
        var plan = EndpointSliceMath.Plan(Web, more, after, AnyNode, 100);
        Assert.Equal([60], plan.Create.Select(s => s.Endpoints.Count));
        Assert.Empty(plan.Update);
    }

    public static TheoryData<int[], int, int?> Fill => new()
    {
        { [95, 90, 50], 10, 1 },
        { [95, 50], 10, 1 },
        { [95, 99], 10, null },
        { [10, 20], 80, 1 },
    };

    [Theory]
    [MemberData(nameof(Fill))]
    public void The_slice_to_fill_is_the_one_closest_to_full_after_the_addition(int[] sizes, int adding, int? chosen)
    {
        var slices = sizes.Select((n, i) => new EndpointSlice(new ObjectMeta { Name = $"s{i}" }, "IPv4", Enumerable.Repeat(new Endpoint(["x"], new EndpointConditions(true, true, false), null, null, null, null), n).ToValueList(), default)).ToList();
        Assert.Equal(chosen is null ? null : $"s{chosen}", EndpointSliceMath.SliceToFill(slices, adding, 100)?.Metadata.Name);
    }

    [Fact]
    public void A_service_without_endpoints_keeps_exactly_one_placeholder_slice()
    {
        var plan = EndpointSliceMath.Plan(Web, [], [], AnyNode, 100);
        var placeholder = plan.Create.Single();
        Assert.True(placeholder.Endpoints.IsEmpty);
        Assert.True(placeholder.Ports.IsEmpty);
        var slices = Apply(plan, []);
        Assert.True(EndpointSliceMath.Plan(Web, [], slices, AnyNode, 100).IsEmpty);

        // The first endpoint replaces the placeholder in place: a create and a delete become one update.
        var withPod = EndpointSliceMath.Plan(Web, Pods(1), slices, AnyNode, 100);
        Assert.Empty(withPod.Create);
        Assert.Empty(withPod.Delete);
        Assert.Equal(slices[0].Metadata.Name, withPod.Update.Single().Metadata.Name);
    }

    [Fact]
    public void Terminal_pods_and_pods_without_an_IP_are_not_endpoints_and_pods_on_missing_nodes_are_skipped()
    {
        var done = ReadyPod("web-done", "web", "node-1", "10.244.0.2") with { Status = new PodStatus { Phase = KubeKernel.StateMachines.PodPhase.Succeeded, PodIP = "10.244.0.2" } };
        var noIp = ReadyPod("web-new", "web", "node-1", "10.244.0.3") with { Status = new PodStatus() };
        var lost = ReadyPod("web-lost", "web", "gone", "10.244.9.2");
        var plan = EndpointSliceMath.Plan(Web, [done, noIp, lost, .. Pods(1)], [], n => n == "gone" ? null : AnyNode(n), 100);
        Assert.Equal(["10.244.0.2"], plan.Create.Single().Endpoints.SelectMany(e => e.Addresses));
        Assert.Equal(["web-lost"], plan.Skipped);

        var published = EndpointSliceMath.Plan(Web.With(s => s with { PublishNotReadyAddresses = true }), [lost], [], n => n == "gone" ? null : AnyNode(n), 100);
        Assert.Equal(["10.244.9.2"], published.Create.Single().Endpoints.SelectMany(e => e.Addresses));
    }

    [Fact]
    public void Slices_of_an_earlier_service_with_the_same_name_are_deleted_and_new_ones_created()
    {
        // Never updated in place: the garbage collector may be deleting them for the old owner.
        var stale = Apply(EndpointSliceMath.Plan(Web with { Metadata = Web.Metadata with { Uid = "old-uid" } }, Pods(3), [], AnyNode, 100), []);
        var plan = EndpointSliceMath.Plan(Web, Pods(3), stale, AnyNode, 100);
        Assert.Equal(stale.Single().Metadata.Name, plan.Delete.Single().Metadata.Name);
        Assert.Empty(plan.Update);
        Assert.Equal("svc-uid", plan.Create.Single().Metadata.OwnerReferences.Single().Uid);
    }

    [Fact]
    public void Slices_carry_the_service_labels_and_the_headless_marker()
    {
        var labelled = Web with { Metadata = Web.Metadata with { Labels = ValueMap.Of(("tier", "front"), (EndpointSliceLabels.ServiceName, "spoof")) } };
        Assert.Equal(ValueMap.Of(("tier", "front"), (EndpointSliceLabels.ServiceName, "web"), (EndpointSliceLabels.ManagedBy, EndpointSliceLabels.ControllerName)), EndpointSliceMath.SliceLabels(labelled));
        Assert.Equal(string.Empty, EndpointSliceMath.SliceLabels(Web.With(s => s with { ClusterIP = "None" }))[EndpointSliceLabels.Headless]);
    }
}
