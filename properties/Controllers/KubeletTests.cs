using KubeKernel.Adapters.Manifests;
using KubeKernel.Kubelet;
using KubeKernel.Model;
using KubeKernel.Pods;
using KubeKernel.Properties.Scenarios;
using KubeKernel.StateMachines;

namespace KubeKernel.Properties.Controllers;

/// <summary>The kubelet model: phases by restart policy, probe and grace-period defaults, a partitioned kubelet.</summary>
public class KubeletTests
{
    private static ContainerStatus Exited(string name, int code) =>
        new(name, "busybox", ContainerState.Terminated(code, 0, 1_000), RestartCount: 0);

    private static ContainerStatus Running(string name) => new(name, "busybox", ContainerState.Running(0), Ready: true, Started: true);

    public static TheoryData<string, RestartPolicy, ContainerStatus[], PodPhase> Phases => new()
    {
        { "one running, one still creating: Pending", RestartPolicy.Always, [Running("a"), new("b", "busybox", ContainerState.Waiting("ContainerCreating"))], PodPhase.Pending },
        { "all created, one running: Running", RestartPolicy.Never, [Running("a"), Exited("b", 1)], PodPhase.Running },
        { "all exited 0 with Always: Running (restarting)", RestartPolicy.Always, [Exited("a", 0), Exited("b", 0)], PodPhase.Running },
        { "all exited 0 with OnFailure: Succeeded", RestartPolicy.OnFailure, [Exited("a", 0), Exited("b", 0)], PodPhase.Succeeded },
        { "one exited non-zero with OnFailure: Running (restarting)", RestartPolicy.OnFailure, [Exited("a", 0), Exited("b", 2)], PodPhase.Running },
        { "all exited 0 with Never: Succeeded", RestartPolicy.Never, [Exited("a", 0), Exited("b", 0)], PodPhase.Succeeded },
        { "one exited non-zero with Never: Failed", RestartPolicy.Never, [Exited("a", 0), Exited("b", 1)], PodPhase.Failed },
    };

    [Theory]
    [MemberData(nameof(Phases))]
    public void The_phase_follows_the_containers_and_the_restart_policy(string rule, RestartPolicy policy, ContainerStatus[] statuses, PodPhase phase)
    {
        var pod = new Pod(new ObjectMeta { Name = "p" }, new PodSpec { NodeName = "n", RestartPolicy = policy, Containers = [new Container { Name = "a" }, new Container { Name = "b" }] },
            new PodStatus { Phase = PodPhase.Running });
        var start = statuses.Any(s => s.State.Kind == ContainerStateKind.Waiting) ? PodPhase.Pending : PodPhase.Running;
        Assert.True(phase == PodStatusMath.NextPhase(pod, pod.Status with { Phase = start, ContainerStatuses = [.. statuses] }), rule);
    }

    [Fact]
    public void Probes_default_to_every_10_seconds_with_a_1_second_timeout_and_3_failures()
    {
        var documents = ManifestReader.Read("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec: {containers: [{name: c, image: nginx, livenessProbe: {httpGet: {path: /, port: 80}}}]}
            """, "test");
        var probe = ((Pod)documents.Single().Object).Spec.Containers[0].LivenessProbe!;
        Assert.Equal((0, 10, 1, 1, 3), (probe.InitialDelaySeconds, probe.PeriodSeconds, probe.TimeoutSeconds, probe.SuccessThreshold, probe.FailureThreshold));
    }

    [Fact]
    public void A_deleted_pod_gets_the_30_second_default_grace_period_and_goes_when_its_containers_stop()
    {
        var scenario = Scenario.FromText("""
            nodes: [{count: 1}]
            steps:
              - apply: {manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}"}
              - delete: pod/p
            """);
        var terminating = scenario.Changes.First(c => c.Change.Object is Pod { Metadata.IsBeingDeleted: true }).Change.Object;
        Assert.Equal(30, terminating.Metadata.DeletionGracePeriodSeconds);
        Assert.Empty(scenario.Final.Store.List<Pod>());
    }

    [Fact]
    public void A_partitioned_kubelet_does_not_finish_a_deletion_until_it_is_back()
    {
        var scenario = Scenario.FromText("""
            nodes: [{count: 1}]
            steps:
              - apply: {manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}"}
              - node-down: node-1
              - delete: pod/p
              - advance: 2m
            """);
        var pod = Assert.Single(scenario.Final.Store.List<Pod>());
        Assert.True(pod.Metadata.IsBeingDeleted);
        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        scenario.Simulation.Run(new Simulation.NodeUpStep("node-1"));
        Assert.Empty(scenario.Simulation.State.Store.List<Pod>());
    }
    [Fact]
    public void A_probe_step_chooses_among_the_pods_that_have_the_probe()
    {
        // Pod a (first by name) has no readiness probe: the step's first pod is b, the one whose result means something.
        // Three failures 10 s apart (the defaults) take b out of Ready.
        var scenario = Scenario.FromText("""
            nodes: [{count: 1}]
            steps:
              - apply: {manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {app: x}}\nspec: {containers: [{name: c, image: nginx}]}"}
              - apply: {manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: b, labels: {app: x}}\nspec: {containers: [{name: c, image: nginx, readinessProbe: {httpGet: {path: /, port: 80}}}]}"}
              - advance: 15s
              - probe-fail: {selector: app=x, probe: readiness}
              - advance: 40s
              - probe-fail: {selector: app=x, probe: liveness}
            """);
        var ready = scenario.Final.Store.List<Pod>().ToDictionary(p => p.Metadata.Name, p => p.IsReady);
        Assert.Equal(new Dictionary<string, bool> { ["a"] = true, ["b"] = false }, ready);
        Assert.Equal("no running pod with a liveness probe matches app=x", scenario.Problems[^1]);
    }
}
