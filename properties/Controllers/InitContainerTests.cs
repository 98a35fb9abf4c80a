using KubeKernel.Adapters.Serving.Tables;
using KubeKernel.Model;
using KubeKernel.Pods;
using KubeKernel.Properties.Scenarios;
using KubeKernel.StateMachines;

namespace KubeKernel.Properties.Controllers;

/// <summary>Init containers and sidecars: the phase they give a pod (Kubernetes' getPhase tables), and the kubelet running them in order.</summary>
public class InitContainerTests
{
    private static readonly RestartPolicy? Sidecar = RestartPolicy.Always;

    // The states of kubelet_pods_test.go's helpers.
    private static ContainerStatus RunningState(string name) => new(name, "busybox", ContainerState.Running(0));

    private static ContainerStatus StartedState(string name) => new(name, "busybox", ContainerState.Running(0), Started: true);

    private static ContainerStatus StoppedState(string name) => new(name, "busybox", ContainerState.Terminated(0, 0, 1_000));

    private static ContainerStatus SucceededState(string name) => StoppedState(name);

    private static ContainerStatus FailedState(string name) => new(name, "busybox", ContainerState.Terminated(-1, 0, 1_000));

    private static ContainerStatus WaitingState(string name) => new(name, "busybox", ContainerState.Waiting(string.Empty));

    private static ContainerStatus WaitingStateWithLastTermination(string name) =>
        new(name, "busybox", ContainerState.Waiting(string.Empty), LastState: ContainerState.Terminated(0, 0, 1_000));

    private static ContainerStatus WaitingStateWithNonZeroTermination(string name) =>
        new(name, "busybox", ContainerState.Waiting(string.Empty), LastState: ContainerState.Terminated(-1, 0, 1_000));

    private static PodPhase Phase(RestartPolicy policy, (string Name, RestartPolicy? Policy)[] init, ContainerStatus[] initStatuses, ContainerStatus[] statuses, bool podIsTerminal = false)
    {
        var pod = new Pod(
            new ObjectMeta { Name = "p", DeletionTimestamp = podIsTerminal ? 0 : null },
            new PodSpec
            {
                NodeName = "machine",
                RestartPolicy = policy,
                InitContainers = [.. init.Select(c => new Container { Name = c.Name, RestartPolicy = c.Policy })],
                Containers = [new Container { Name = "containerA" }, new Container { Name = "containerB" }],
            },
            new PodStatus());

        // getPhase is stateless; the kernel's lifecycle moves a pod from where it is, and a fresh pod is Pending.
        return PodStatusMath.NextPhase(pod, new PodStatus { InitContainerStatuses = [.. initStatuses], ContainerStatuses = [.. statuses] });
    }

    public static TheoryData<string, ContainerStatus[], ContainerStatus[], PodPhase> RestartNeverInitContainers => new()
    {
        { "empty, waiting", [], [], PodPhase.Pending },
        { "init container running", [RunningState("containerX")], [], PodPhase.Pending },
        { "init container terminated non-zero", [FailedState("containerX")], [], PodPhase.Failed },
        { "init container waiting, terminated zero", [WaitingStateWithLastTermination("containerX")], [], PodPhase.Pending },
        { "init container waiting, terminated non-zero", [WaitingStateWithNonZeroTermination("containerX")], [], PodPhase.Failed },
        { "init container waiting, not terminated", [WaitingState("containerX")], [], PodPhase.Pending },
        { "init container succeeded", [SucceededState("containerX")], [RunningState("containerA"), RunningState("containerB")], PodPhase.Running },
    };

    /// <summary>Kubernetes' <c>TestPodPhaseWithRestartNeverInitContainers</c>.</summary>
    [Theory]
    [MemberData(nameof(RestartNeverInitContainers))]
    public void TestPodPhaseWithRestartNeverInitContainers(string test, ContainerStatus[] init, ContainerStatus[] statuses, PodPhase phase) =>
        Assert.True(phase == Phase(RestartPolicy.Never, [("containerX", null)], init, statuses), test);

    public static TheoryData<string, ContainerStatus[], ContainerStatus[], PodPhase> RestartNeverRestartableInitContainers => new()
    {
        { "empty, waiting", [], [], PodPhase.Pending },
        { "restartable init container running", [RunningState("containerX")], [], PodPhase.Pending },
        { "restartable init container stopped", [StoppedState("containerX")], [], PodPhase.Pending },
        { "restartable init container waiting, terminated zero", [WaitingStateWithLastTermination("containerX")], [], PodPhase.Pending },
        { "restartable init container waiting, terminated non-zero", [WaitingStateWithNonZeroTermination("containerX")], [], PodPhase.Pending },
        { "restartable init container waiting, not terminated", [WaitingState("containerX")], [], PodPhase.Pending },
        { "restartable init container started, one main container running", [StartedState("containerX")], [RunningState("containerA")], PodPhase.Pending },
        { "restartable init container started, main containers succeeded", [StartedState("containerX")], [SucceededState("containerA"), SucceededState("containerB")], PodPhase.Running },
        { "restartable init container running, main containers succeeded", [RunningState("containerX")], [SucceededState("containerA"), SucceededState("containerB")], PodPhase.Running },
        { "all containers succeeded", [SucceededState("containerX")], [SucceededState("containerA"), SucceededState("containerB")], PodPhase.Succeeded },
        { "restartable init container terminated non-zero, main containers succeeded", [FailedState("containerX")], [SucceededState("containerA"), SucceededState("containerB")], PodPhase.Succeeded },
        { "backoff crashloop restartable init container, main containers succeeded", [WaitingStateWithLastTermination("containerX")], [SucceededState("containerA"), SucceededState("containerB")], PodPhase.Succeeded },
    };

    /// <summary>Kubernetes' <c>TestPodPhaseWithRestartNeverRestartableInitContainers</c> (the rows its first part holds).</summary>
    [Theory]
    [MemberData(nameof(RestartNeverRestartableInitContainers))]
    public void TestPodPhaseWithRestartNeverRestartableInitContainers(string test, ContainerStatus[] init, ContainerStatus[] statuses, PodPhase phase) =>
        Assert.True(phase == Phase(RestartPolicy.Never, [("containerX", Sidecar)], init, statuses), test);

    public static TheoryData<string, ContainerStatus[], ContainerStatus[], bool, PodPhase> RestartAlwaysRestartableInitContainers => new()
    {
        { "empty, waiting", [], [], false, PodPhase.Pending },
        { "restartable init container running", [RunningState("containerX")], [], false, PodPhase.Pending },
        { "restartable init container stopped", [StoppedState("containerX")], [], false, PodPhase.Pending },
        { "restartable init container waiting, terminated zero", [WaitingStateWithLastTermination("containerX")], [], false, PodPhase.Pending },
        { "restartable init container waiting, terminated non-zero", [WaitingStateWithNonZeroTermination("containerX")], [], false, PodPhase.Pending },
        { "restartable init container waiting, not terminated", [WaitingState("containerX")], [], false, PodPhase.Pending },
        { "restartable init container started, 1/2 regular container running", [StartedState("containerX")], [RunningState("containerA")], false, PodPhase.Pending },
        { "restartable init container started, all regular containers running", [StartedState("containerX")], [RunningState("containerA"), RunningState("containerB")], false, PodPhase.Running },
        { "restartable init container running, all regular containers running", [RunningState("containerX")], [RunningState("containerA"), RunningState("containerB")], false, PodPhase.Running },
        { "restartable init container stopped, all regular containers running", [StoppedState("containerX")], [RunningState("containerA"), RunningState("containerB")], false, PodPhase.Running },
        { "backoff crashloop restartable init container, all regular containers running", [WaitingStateWithLastTermination("containerX")], [RunningState("containerA"), RunningState("containerB")], false, PodPhase.Running },
        { "all regular containers succeeded and restartable init container failed with restart always, but the pod is terminal", [FailedState("containerX")], [SucceededState("containerA"), SucceededState("containerB")], true, PodPhase.Succeeded },
        { "all regular containers succeeded and restartable init container succeeded with restart always, but the pod is terminal", [SucceededState("containerX")], [SucceededState("containerA"), SucceededState("containerB")], true, PodPhase.Succeeded },
    };

    /// <summary>Kubernetes' <c>TestPodPhaseWithRestartAlwaysRestartableInitContainers</c>; "the pod is terminal" is a pod being deleted.</summary>
    [Theory]
    [MemberData(nameof(RestartAlwaysRestartableInitContainers))]
    public void TestPodPhaseWithRestartAlwaysRestartableInitContainers(string test, ContainerStatus[] init, ContainerStatus[] statuses, bool podIsTerminal, PodPhase phase) =>
        Assert.True(phase == Phase(RestartPolicy.Always, [("containerX", Sidecar)], init, statuses, podIsTerminal), test);

    public static TheoryData<string, ContainerStatus[], ContainerStatus[], PodPhase> RestartAlwaysAndPodHasRun => new()
    {
        { "regular init containers, restartable init container and regular container are all running", [RunningState("containerX"), RunningState("containerY")], [RunningState("containerA")], PodPhase.Pending },
        { "regular containers is stopped, restartable init container and regular int container are both running", [RunningState("containerX"), RunningState("containerY")], [StoppedState("containerA")], PodPhase.Pending },
        { "regular init container is succeeded, restartable init container is running, regular containers is stopped", [SucceededState("containerX"), RunningState("containerY")], [StoppedState("containerA")], PodPhase.Running },
        { "regular init container is succeeded, restartable init container and regular containers are both running", [SucceededState("containerX"), RunningState("containerY")], [RunningState("containerA")], PodPhase.Running },
    };

    /// <summary>Kubernetes' <c>TestPodPhaseWithRestartAlwaysAndPodHasRun</c> (its pod has the one app container containerA).</summary>
    [Theory]
    [MemberData(nameof(RestartAlwaysAndPodHasRun))]
    public void TestPodPhaseWithRestartAlwaysAndPodHasRun(string test, ContainerStatus[] init, ContainerStatus[] statuses, PodPhase phase)
    {
        var pod = new Pod(
            new ObjectMeta { Name = "p" },
            new PodSpec
            {
                NodeName = "machine",
                InitContainers = [new Container { Name = "containerX" }, new Container { Name = "containerY", RestartPolicy = RestartPolicy.Always }],
                Containers = [new Container { Name = "containerA" }],
            },
            new PodStatus());
        Assert.True(phase == PodStatusMath.NextPhase(pod, new PodStatus { InitContainerStatuses = [.. init], ContainerStatuses = [.. statuses] }), test);
    }

    private const string SidecarDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              initContainers:
              - {name: migrate, image: busybox}
              - {name: shipper, image: fluent-bit, restartPolicy: Always}
              containers:
              - {name: nginx, image: nginx}
        """;

    [Fact]
    public void Init_containers_run_one_after_another_before_the_app_containers_and_a_sidecar_counts_as_ready()
    {
        var scenario = Scenario.FromText($$"""
            nodes: [{count: 1}]
            steps:
              - apply: {manifest: {{System.Text.Json.JsonSerializer.Serialize(SidecarDeployment)}}}
              - advance: 5s
            """);
        // In the order the pod's writes first show each container running.
        var started = scenario.Changes.Select(c => c.Change.Object).OfType<Pod>()
            .SelectMany(p => p.Status.InitContainerStatuses.Concat(p.Status.ContainerStatuses).Where(s => s.State.IsRunning).Select(s => s.Name))
            .Distinct().ToList();
        Assert.Equal(["migrate", "shipper", "nginx"], started);

        // While migrate runs, the printer shows Init:0/2 and the pod is not initialised.
        var initializing = scenario.Changes.Select(c => c.Change.Object).OfType<Pod>().First(p => p.Status.FindInitContainer("migrate") is { State.IsRunning: true });
        Assert.Equal("Init:0/2", ResourceTables.Cells(initializing, 0)[2]);
        Assert.Equal("containers with incomplete status: [migrate shipper]", initializing.Status.FindCondition(PodConditionTypes.Initialized)!.Message);

        var pod = Assert.Single(scenario.Final.Store.List<Pod>());
        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        Assert.True(pod.IsReady);
        Assert.Equal(["2/2", "Running"], ResourceTables.Cells(pod, scenario.Final.Now).Skip(1).Take(2));
        Assert.Equal(ConditionStatus.True, pod.Status.FindCondition(PodConditionTypes.Initialized)!.Status);
    }

    /// <summary>A pod of <paramref name="policy"/> whose init container <c>setup</c> fails (exit 3) after 1 s each run, seen after <paramref name="after"/>.</summary>
    private static (Pod Pod, long Now) FailingInitContainer(string policy, string after)
    {
        var scenario = Scenario.FromText($$"""
            nodes: [{count: 1}]
            steps:
              - exit-after: {selector: app=p, container: setup, after: 1s, exit-code: 3}
              - apply: {manifest: {{System.Text.Json.JsonSerializer.Serialize($"apiVersion: v1\nkind: Pod\nmetadata: {{name: p, labels: {{app: p}}}}\nspec: {{restartPolicy: {policy}, initContainers: [{{name: setup, image: busybox}}], containers: [{{name: main, image: busybox}}]}}")}}}
              - advance: {{after}}
            """);
        return (Assert.Single(scenario.Final.Store.List<Pod>()), scenario.Final.Now);
    }

    [Fact]
    public void An_init_container_that_fails_fails_a_pod_that_never_restarts()
    {
        var (pod, now) = FailingInitContainer("Never", "10s");
        Assert.Equal(PodPhase.Failed, pod.Status.Phase);
        Assert.Equal("Init:Error", ResourceTables.Cells(pod, now)[2]);
        Assert.Equal(ContainerStateKind.Waiting, pod.Status.FindContainer("main")!.State.Kind);
    }

    [Fact]
    public void An_init_container_that_fails_is_restarted_with_back_off_when_the_pod_restarts_on_failure()
    {
        // Runs end at 1 s (restarted at once), 2 s (10 s back-off) and 13 s (20 s back-off, so it waits at 30 s).
        var (pod, now) = FailingInitContainer("OnFailure", "30s");
        Assert.Equal(PodPhase.Pending, pod.Status.Phase);
        Assert.Equal(2, pod.Status.FindInitContainer("setup")!.RestartCount);
        Assert.Equal("Init:CrashLoopBackOff", ResourceTables.Cells(pod, now)[2]);
        Assert.Equal(ContainerStateKind.Waiting, pod.Status.FindContainer("main")!.State.Kind);
    }

    [Fact]
    public void A_finished_pod_s_sidecar_is_stopped_and_the_pod_succeeds()
    {
        var scenario = Scenario.FromText("""
            nodes: [{count: 1}]
            steps:
              - exit-after: {selector: app=batch, container: main, after: 5s, exit-code: 0}
              - apply: {manifest: "apiVersion: v1\nkind: Pod\nmetadata: {name: batch, labels: {app: batch}}\nspec: {restartPolicy: Never, initContainers: [{name: proxy, image: envoy, restartPolicy: Always}], containers: [{name: main, image: busybox}]}"}
              - advance: 20s
            """);
        var pod = Assert.Single(scenario.Final.Store.List<Pod>());
        Assert.Equal(PodPhase.Succeeded, pod.Status.Phase);
        Assert.True(pod.Status.FindInitContainer("proxy")!.State.IsTerminated);
        Assert.Equal(0, pod.Status.FindInitContainer("proxy")!.RestartCount);
    }

    [Fact]
    public void An_app_container_reached_after_the_init_containers_waits_for_its_ConfigMap_and_starts_once_it_is_written()
    {
        const string Pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {initContainers: [{name: setup, image: busybox}], containers: [{name: app, image: nginx, envFrom: [{configMapRef: {name: cfg}}]}]}";
        var waiting = Scenario.FromText($$"""
            nodes: [{count: 1}]
            steps:
              - apply: {manifest: {{System.Text.Json.JsonSerializer.Serialize(Pod)}}}
              - advance: 5s
            """);
        var pod = waiting.Final.Store.Get<Pod>("default", "p")!;
        Assert.True(pod.Status.FindInitContainer("setup")!.State.IsTerminated);
        Assert.Equal(ContainerState.Waiting("CreateContainerConfigError", "configmap \"cfg\" not found"), pod.Status.FindContainer("app")!.State);

        var started = Scenario.FromText($$"""
            nodes: [{count: 1}]
            steps:
              - apply: {manifest: {{System.Text.Json.JsonSerializer.Serialize(Pod)}}}
              - advance: 5s
              - apply: {manifest: {{System.Text.Json.JsonSerializer.Serialize("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {mode: fast}")}}}
            """);
        pod = started.Final.Store.Get<Pod>("default", "p")!;
        Assert.True(pod.Status.FindContainer("app")!.State.IsRunning);
        Assert.Equal(PodPhase.Running, pod.Status.Phase);
    }
}
