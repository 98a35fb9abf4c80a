using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Scheduling;
using static KubeKernel.Properties.Scheduling.Cluster;

namespace KubeKernel.Properties.Scheduling;

/// <summary>Each filter, on small clusters, with the exact reason kube-scheduler prints.</summary>
public class FilterExamples
{
    private static readonly Taint Gpu = new("dedicated", "gpu", TaintEffect.NoSchedule);

    [Fact]
    public void An_untolerated_NoSchedule_taint_rejects_the_node_and_preemption_cannot_help()
    {
        var state = With(Node("gpu-1", taints: [Gpu])).Place(Pod("web"));
        Assert.Null(state.NodeOf("web"));
        Assert.Equal("0/1 nodes are available: 1 node(s) had untolerated taint(s). preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.", state.UnschedulableMessage("web"));
    }

    [Fact]
    public void A_matching_toleration_admits_the_pod_to_the_tainted_node()
    {
        var pod = Pod("web").With(s => s with { Tolerations = [new Toleration("dedicated", TolerationOperator.Equal, "gpu", TaintEffect.NoSchedule)] });
        Assert.Equal("gpu-1", With(Node("gpu-1", taints: [Gpu])).Place(pod).NodeOf("web"));
    }

    [Fact]
    public void A_cordoned_node_takes_no_new_pods()
    {
        var state = With(Node("node-1", unschedulable: true)).Place(Pod("web"));
        Assert.Equal("0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.", state.UnschedulableMessage("web"));
    }

    [Fact]
    public void A_node_selector_keeps_the_pod_to_matching_nodes()
    {
        var state = With(Node("node-1", labels: ValueMap.Of(("disk", "hdd"))), Node("node-2", labels: ValueMap.Of(("disk", "ssd"))));
        Assert.Equal("node-2", state.Place(Pod("web").With(s => s with { NodeSelector = ValueMap.Of(("disk", "ssd")) })).NodeOf("web"));
        var none = state.Place(Pod("db").With(s => s with { NodeSelector = ValueMap.Of(("disk", "nvme")) }));
        Assert.Equal("0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.", none.UnschedulableMessage("db"));
    }

    [Fact]
    public void Required_node_affinity_terms_are_ORed_and_their_expressions_ANDed()
    {
        var state = With(
            Node("a", labels: ValueMap.Of(("zone", "z1"), ("disk", "hdd"))),
            Node("b", labels: ValueMap.Of(("zone", "z2"), ("disk", "ssd"))),
            Node("c", labels: ValueMap.Of(("zone", "z1"), ("disk", "ssd"))));
        var term = new NodeSelectorTerm(
            [new NodeSelectorRequirement("zone", NodeSelectorOperator.In, ["z1"]), new NodeSelectorRequirement("disk", NodeSelectorOperator.In, ["ssd"])], default);
        var pod = Pod("web").With(s => s with { Affinity = new Affinity(new NodeAffinity([term], default), null, null) });
        Assert.Equal("c", state.Place(pod).NodeOf("web"));
    }

    [Fact]
    public void Requests_that_do_not_fit_are_reported_per_resource()
    {
        var state = With(Node("small", cpu: "1", memory: "1Gi")).Place(Pod("big", cpu: "2", memory: "512Mi"));
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.", state.UnschedulableMessage("big"));
    }

    [Fact]
    public void A_full_node_is_Unschedulable_and_preemption_finds_no_lower_priority_victims()
    {
        var state = With(Node("node-1", cpu: "1")).Place(Pod("first", cpu: "800m")).Place(Pod("second", cpu: "500m"));
        Assert.Equal("node-1", state.NodeOf("first"));
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.", state.UnschedulableMessage("second"));
    }

    [Fact]
    public void The_pod_count_is_a_resource_too()
    {
        var state = With(Node("node-1", pods: 1)).Place(Pod("first")).Place(Pod("second"));
        Assert.StartsWith("0/1 nodes are available: 1 Too many pods.", state.UnschedulableMessage("second"));
    }

    [Fact]
    public void Host_ports_already_taken_on_a_node_reject_it()
    {
        static Pod WithPort(string name) => Pod(name).With(s => s with { Containers = [s.Containers[0] with { Ports = [new ContainerPort(80, HostPort: 8080)] }] });
        var state = With(Node("node-1"), Node("node-2")).Place(WithPort("a")).Place(WithPort("b")).Place(WithPort("c"));
        Assert.Equal(["node-1", "node-2"], new[] { state.NodeOf("a"), state.NodeOf("b") }.Order());
        Assert.StartsWith("0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports.", state.UnschedulableMessage("c"));
    }

    [Fact]
    public void The_Done_when_cluster_leaves_the_third_replica_pending_with_Kubernetes_message()
    {
        var anti = AntiAffinity(Term(Hostname, ("app", "web")));
        Pod Replica(string name) => Pod(name, labels: ValueMap.Of(("app", "web"))).With(s => s with { Affinity = anti });
        var state = With(
                Node("node-a", labels: ValueMap.Of((Zone, "a"))),
                Node("node-b", labels: ValueMap.Of((Zone, "b"))),
                Node("gpu-1", labels: ValueMap.Of((Zone, "b")), taints: [Gpu]))
            .Place(Replica("web-1")).Place(Replica("web-2")).Place(Replica("web-3"));
        Assert.Equal("node-a", state.NodeOf("web-1"));
        Assert.Equal("node-b", state.NodeOf("web-2"));
        Assert.Equal(
            "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
            state.UnschedulableMessage("web-3"));
    }

    [Fact]
    public void Nodes_sharing_a_hostname_label_are_one_domain_for_hostname_anti_affinity()
    {
        var anti = AntiAffinity(Term(Hostname, ("app", "web")));
        Pod Replica(string name) => Pod(name, labels: ValueMap.Of(("app", "web"))).With(s => s with { Affinity = anti });
        var state = With(
                Node("twin-1", labels: ValueMap.Of((Hostname, "twin"))),
                Node("twin-2", labels: ValueMap.Of((Hostname, "twin"))),
                Node("solo"))
            .Place(Replica("web-1") with { Spec = Replica("web-1").Spec with { NodeName = "twin-1" } })
            .Place(Replica("web-2"));
        Assert.False(state.SchedulerCache.HostnamesAreUnique);
        Assert.Equal("solo", state.NodeOf("web-2"));
        Assert.Equal(
            "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
            state.Place(Replica("web-3")).UnschedulableMessage("web-3"));
    }

    [Fact]
    public void Existing_pods_anti_affinity_keeps_matching_pods_away_from_their_domain()
    {
        var loner = Pod("loner", labels: ValueMap.Of(("app", "loner"))).With(s => s with { Affinity = AntiAffinity(Term(Zone, ("app", "web"))) });
        var state = With(Node("a1", labels: ValueMap.Of((Zone, "a"))), Node("a2", labels: ValueMap.Of((Zone, "a"))), Node("b1", labels: ValueMap.Of((Zone, "b"))))
            .Place(loner with { Spec = loner.Spec with { NodeSelector = ValueMap.Of((Zone, "a")) } })
            .Place(Pod("web", labels: ValueMap.Of(("app", "web"))));
        Assert.Equal("b1", state.NodeOf("web"));
        var result = state.Submit(Pod("web-2", labels: ValueMap.Of(("app", "web"))).With(s => s with { NodeSelector = ValueMap.Of((Zone, "a")) })).Schedule("web-2");
        Assert.Equal(
            "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) didn't satisfy existing pods anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
            result.Message);
    }

    [Fact]
    public void Required_pod_affinity_follows_a_matching_pod_into_its_zone()
    {
        var state = With(Node("a1", labels: ValueMap.Of((Zone, "a"))), Node("b1", labels: ValueMap.Of((Zone, "b"))), Node("b2", labels: ValueMap.Of((Zone, "b"))))
            .Place(Pod("db", labels: ValueMap.Of(("app", "db"))).With(s => s with { NodeName = "b2" }))
            .Place(Pod("api").With(s => s with { Affinity = PodAffinity(Term(Zone, ("app", "db"))) }));
        Assert.Equal("b1", state.NodeOf("api"));
    }

    [Fact]
    public void The_first_pod_of_a_self_affine_group_may_start_anywhere_but_a_pod_whose_terms_match_nothing_may_not()
    {
        var state = With(Node("a1", labels: ValueMap.Of((Zone, "a"))));
        var self = Pod("cache-1", labels: ValueMap.Of(("app", "cache"))).With(s => s with { Affinity = PodAffinity(Term(Zone, ("app", "cache"))) });
        Assert.Equal("a1", state.Place(self).NodeOf("cache-1"));
        var orphan = Pod("api").With(s => s with { Affinity = PodAffinity(Term(Zone, ("app", "db"))) });
        Assert.StartsWith("0/1 nodes are available: 1 node(s) didn't match pod affinity rules.", state.Place(orphan).UnschedulableMessage("api"));
    }

    [Fact]
    public void DoNotSchedule_spread_rejects_domains_that_would_exceed_maxSkew()
    {
        var spread = new TopologySpreadConstraint(1, Zone, UnsatisfiableConstraintAction.DoNotSchedule, LabelSelector.ForLabels(ValueMap.Of(("app", "web"))));
        Pod Web(string name, string? node = null) => Pod(name, labels: ValueMap.Of(("app", "web"))).With(s => s with { TopologySpreadConstraints = [spread], NodeName = node });
        var state = With(Node("a1", labels: ValueMap.Of((Zone, "a"))), Node("a2", labels: ValueMap.Of((Zone, "a"))), Node("b1", labels: ValueMap.Of((Zone, "b"))))
            .Place(Web("w1", "a1")).Place(Web("w2", "a2"));

        // Zone a holds 2, zone b 0: another pod in a would make the skew 3.
        Assert.Equal("b1", state.Place(Web("w3")).NodeOf("w3"));
    }

    [Fact]
    public void nodeAffinityPolicy_Honor_counts_only_the_domains_the_pod_may_go_to()
    {
        var spread = new TopologySpreadConstraint(1, Zone, UnsatisfiableConstraintAction.DoNotSchedule, LabelSelector.ForLabels(ValueMap.Of(("app", "web"))));
        Pod Web(string name, TopologySpreadConstraint c, string? node = null) =>
            Pod(name, labels: ValueMap.Of(("app", "web"))).With(s => s with { TopologySpreadConstraints = [c], NodeName = node, NodeSelector = node is null ? ValueMap.Of((Zone, "a")) : default });
        var state = With(Node("a1", labels: ValueMap.Of((Zone, "a"))), Node("a2", labels: ValueMap.Of((Zone, "a"))), Node("b1", labels: ValueMap.Of((Zone, "b"))))
            .Place(Web("w1", spread, "a1")).Place(Web("w2", spread, "a2"));

        // Honor (the default): the pod may only go to zone a, so zone b is not a domain and a's skew is 2 + 1 - 2 = 1.
        Assert.True(state.Submit(Web("w3", spread)).Schedule("w3").Scheduled);

        // Ignore: zone b counts with 0 pods, so a's skew is 3.
        Assert.Equal(
            "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) didn't match pod topology spread constraints. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
            state.Submit(Web("w3", spread with { NodeAffinityPolicy = NodeInclusionPolicy.Ignore })).Schedule("w3").Message);
    }

    [Fact]
    public void Nodes_without_the_topology_key_are_rejected_as_missing_the_label()
    {
        var spread = new TopologySpreadConstraint(1, Zone, UnsatisfiableConstraintAction.DoNotSchedule, LabelSelector.ForLabels(ValueMap.Of(("app", "web"))));
        var state = With(Node("plain")).Submit(Pod("w", labels: ValueMap.Of(("app", "web"))).With(s => s with { TopologySpreadConstraints = [spread] }));
        Assert.StartsWith("0/1 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label).", state.Schedule("w").Message);
    }

    [Fact]
    public void minDomains_treats_the_global_minimum_as_zero_until_enough_domains_exist()
    {
        var spread = new TopologySpreadConstraint(1, Zone, UnsatisfiableConstraintAction.DoNotSchedule, LabelSelector.ForLabels(ValueMap.Of(("app", "web"))), MinDomains: 3);
        Pod Web(string name, string? node = null) => Pod(name, labels: ValueMap.Of(("app", "web"))).With(s => s with { TopologySpreadConstraints = [spread], NodeName = node });
        var state = With(Node("a1", labels: ValueMap.Of((Zone, "a"))), Node("b1", labels: ValueMap.Of((Zone, "b"))))
            .Place(Web("w1", "a1")).Place(Web("w2", "b1"));

        // Both zones hold one pod: without minDomains the skew would be 1; with two domains of three required it is 2.
        Assert.StartsWith("0/2 nodes are available: 2 node(s) didn't match pod topology spread constraints.", state.Submit(Web("w3")).Schedule("w3").Message);
        Assert.True(state.Submit(Web("w3") with { Spec = Web("w3").Spec with { TopologySpreadConstraints = [spread with { MinDomains = null }] } }).Schedule("w3").Scheduled);
    }

    [Fact]
    public void nodeTaintsPolicy_Honor_leaves_tainted_nodes_out_of_the_domains()
    {
        var gpu = Node("gpu", labels: ValueMap.Of((Zone, "c")), taints: [Gpu]);
        var spread = new TopologySpreadConstraint(1, Zone, UnsatisfiableConstraintAction.DoNotSchedule, LabelSelector.ForLabels(ValueMap.Of(("app", "web"))));
        Pod Web(string name, TopologySpreadConstraint c, string? node = null) => Pod(name, labels: ValueMap.Of(("app", "web"))).With(s => s with { TopologySpreadConstraints = [c], NodeName = node });
        var state = With(Node("a1", labels: ValueMap.Of((Zone, "a"))), Node("b1", labels: ValueMap.Of((Zone, "b"))), gpu)
            .Place(Web("w1", spread, "a1")).Place(Web("w2", spread, "b1"));

        // Ignore (the default): the empty tainted zone is the global minimum, so a and b are both one over it.
        Assert.False(state.Submit(Web("w3", spread)).Schedule("w3").Scheduled);
        Assert.True(state.Submit(Web("w3", spread with { NodeTaintsPolicy = NodeInclusionPolicy.Honor })).Schedule("w3").Scheduled);
    }

    [Fact]
    public void A_bound_volume_in_a_zone_keeps_the_pod_in_that_zone()
    {
        var state = With(Node("a1", labels: ValueMap.Of((Zone, "a"))), Node("b1", labels: ValueMap.Of((Zone, "b"))))
            .Submit(new PersistentVolume(new ObjectMeta { Name = "pv-b", Labels = ValueMap.Of((Zone, "b")) }))
            .Submit(new PersistentVolumeClaim(ObjectMeta.Named("data", "default"), VolumeName: "pv-b"));
        var pod = Pod("db").With(s => s with { Volumes = [new Volume("data", "data")] });
        Assert.Equal("b1", state.Place(pod).NodeOf("db"));
    }

    [Fact]
    public void A_volume_that_spans_zones_fits_any_of_them_and_a_legacy_label_matches_the_GA_node_label()
    {
        var state = With(Node("a1", labels: ValueMap.Of((Zone, "a"))), Node("b1", labels: ValueMap.Of((Zone, "b"))), Node("c1", labels: ValueMap.Of((Zone, "c"))))
            .Submit(new PersistentVolume(new ObjectMeta { Name = "pv", Labels = ValueMap.Of(("failure-domain.beta.kubernetes.io/zone", "b__c")) }))
            .Submit(new PersistentVolumeClaim(ObjectMeta.Named("data", "default"), VolumeName: "pv"))
            .Submit(Pod("db").With(s => s with { Volumes = [new Volume("data", "data")] }));
        var result = state.Schedule("db");
        Assert.Equal("b1", result.SelectedNode);
        Assert.Equal(2, result.FeasibleNodes);
    }

    [Fact]
    public void A_missing_claim_rejects_the_pod_at_PreFilter_with_the_API_error()
    {
        var state = With(Node("a1"), Node("a2")).Submit(Pod("db").With(s => s with { Volumes = [new Volume("data", "data")] }));
        Assert.Equal("0/2 nodes are available: persistentvolumeclaim \"data\" not found. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.", state.Schedule("db").Message);
    }

    [Fact]
    public void No_nodes_at_all_is_its_own_message() =>
        Assert.Equal("no nodes available to schedule pods", With().Place(Pod("web")).UnschedulableMessage("web"));
}
