using KubeKernel.Adapters.Serving.Tables;
using KubeKernel.Model;
using KubeKernel.StateMachines;
using static KubeKernel.Properties.Serving.Tables.TableObjects;

namespace KubeKernel.Properties.Serving.Tables;

/// <summary>Kubernetes' <c>TestPrintPod</c> and <c>TestPrintPodwide</c> cases, on kernel pods.</summary>
/// <remarks>
/// Go's tests use the phase <c>podPhase</c>, which the kernel's enum cannot hold: <c>Pending</c> stands in. Their pods have
/// no creation time (AGE <c>&lt;unknown&gt;</c>); kernel pods are created at 0 and printed at <see cref="TableObjects.Now"/>.
/// Ages are <c>SimulationClock.Age</c>'s text, which spells kubectl's <c>5d</c> as <c>120h0m</c>. The init container cases
/// (test7–test11) give their pods unnamed regular init containers, as Go's <c>make([]api.Container, n)</c> does.
/// </remarks>
public class PrintPodTests
{
    private const long Day = 24 * 3_600_000L;

    private static IReadOnlyList<object> Row(Pod pod, long now = Now) => ResourceTables.Cells(pod, now).Take(5).ToList();

    public static TheoryData<string, long, Pod, object[]> Cases => new()
    {
        {
            "test1: name, containers, restarts and container readiness",
            Now,
            Pod("test1", 2, PodPhase.Pending, Status(Running, 3, ready: true), Status(NoState, 3)),
            ["test1", "1/2", "Pending", "6", "10m"]
        },
        {
            "test2: a container's waiting reason overwrites the phase",
            Now,
            Pod("test2", 2, PodPhase.Pending, Status(Running, 3, ready: true), Status(ContainerState.Waiting("ContainerWaitingReason"), 3)),
            ["test2", "1/2", "ContainerWaitingReason", "6", "10m"]
        },
        {
            "test3: the first container's reason overwrites the rest",
            Now,
            Pod("test3", 2, PodPhase.Pending, Status(ContainerState.Waiting("ContainerWaitingReason"), 3), Status(new ContainerState(ContainerStateKind.Terminated, "ContainerTerminatedReason"), 3)),
            ["test3", "0/2", "ContainerWaitingReason", "6", "10m"]
        },
        {
            "test4: ready is not enough for reporting running",
            Now,
            Pod("test4", 2, PodPhase.Pending, Status(Running, 3, ready: true), Status(NoState, 3, ready: true)),
            ["test4", "1/2", "Pending", "6", "10m"]
        },
        {
            "test5: the pod's reason overwrites the phase",
            Now,
            With(Pod("test5", 2, PodPhase.Pending, Status(Running, 3, ready: true), Status(NoState, 3, ready: true)), s => s with { Reason = "podReason" }),
            ["test5", "1/2", "podReason", "6", "10m"]
        },
        {
            "test6: one container running, the other completed, without a Ready condition",
            Now,
            Pod("test6", 2, PodPhase.Running, Status(ContainerState.Terminated(0, 0, 0), 3, ready: true), Status(Running, 3, ready: true)),
            ["test6", "1/2", "NotReady", "6", "10m"]
        },
        {
            "test6: one container running, the other completed, with a Ready condition",
            Now,
            With(Pod("test6", 2, PodPhase.Running, Status(ContainerState.Terminated(0, 0, 0), 3, ready: true), Status(Running, 3, ready: true)), s => s with { Conditions = [True(PodConditionTypes.Ready)] }),
            ["test6", "1/2", "Running", "6", "10m"]
        },
        {
            "test7: one init container restarting, one container not running",
            Now,
            InitPod("test7", 1, PodPhase.Pending, [Status(Running, 3, last: FinishedAt(Now - 10_000))], [Status(NoState)]),
            ["test7", "0/1", "Init:0/1", "3 (10s ago)", "10m"]
        },
        {
            "test8: two init containers, one restarting and the other not running",
            Now,
            InitPod("test8", 2, PodPhase.Pending, [Status(Running, 3, last: FinishedAt(Now - 10_000)), Status(NoState)], [Status(NoState)]),
            ["test8", "0/1", "Init:0/2", "3 (10s ago)", "10m"]
        },
        {
            "test9: two init containers, one completed without restarts and the other restarting",
            Now,
            InitPod("test9", 2, PodPhase.Pending, [Status(new ContainerState(ContainerStateKind.Terminated)), Status(Running, 3, last: FinishedAt(Now - 10_000))], [Status(NoState)]),
            ["test9", "0/1", "Init:1/2", "3 (10s ago)", "10m"]
        },
        {
            "test10: two init containers, one completed with restarts and the other restarting",
            Now,
            InitPod("test10", 2, PodPhase.Pending, [Status(new ContainerState(ContainerStateKind.Terminated), 2, last: FinishedAt(Now - 120_000)), Status(Running, 3, last: FinishedAt(Now - 10_000))], [Status(NoState)]),
            ["test10", "0/1", "Init:1/2", "5 (10s ago)", "10m"]
        },
        {
            "test11: one init container completed with restarts, one container restarting",
            Now,
            InitPod("test11", 1, PodPhase.Running, [Status(new ContainerState(ContainerStateKind.Terminated), 2, last: FinishedAt(Now - 120_000))], [Status(Running, 4, last: FinishedAt(Now - 20_000))]),
            ["test11", "0/1", "Running", "4 (20s ago)", "10m"]
        },
        {
            "test12: one container that restarted 5d ago",
            5 * Day,
            Pod("test12", 1, PodPhase.Running, Status(Running, 3, ready: true, last: FinishedAt(0))),
            ["test12", "1/1", "Running", "3 (120h0m ago)", "120h0m"]
        },
        {
            "test13: one container never restarted, the other restarted 10d ago",
            10 * Day,
            Pod("test13", 2, PodPhase.Running, Status(Running, 0, ready: true), Status(Running, 3, ready: true, last: FinishedAt(0))),
            ["test13", "2/2", "Running", "3 (240h0m ago)", "240h0m"]
        },
        {
            "test14: restarts 5d and 20d ago: the latest counts",
            20 * Day,
            Pod("test14", 2, PodPhase.Running, Status(Running, 6, ready: true, last: FinishedAt(15 * Day)), Status(Running, 3, ready: true, last: FinishedAt(0))),
            ["test14", "2/2", "Running", "9 (120h0m ago)", "480h0m"]
        },
        {
            "test15: PodScheduled with reason SchedulingGated",
            Now,
            With(Pod("test15", 2, PodPhase.Pending), s => s with { Conditions = [new Condition(PodConditionTypes.PodScheduled, ConditionStatus.False, PodReason.SchedulingGated, string.Empty, 0)] }),
            ["test15", "0/2", "SchedulingGated", "0", "10m"]
        },
        {
            "test16: a succeeded pod is Completed",
            Now,
            Pod("test16", 1, PodPhase.Succeeded, Status(ContainerState.Terminated(0, 0, 0))),
            ["test16", "0/1", "Completed", "0", "10m"]
        },
        {
            "test17: a failed pod shows its container's Error",
            Now,
            Pod("test17", 1, PodPhase.Failed, Status(ContainerState.Terminated(1, 0, 0))),
            ["test17", "0/1", "Error", "0", "10m"]
        },
        {
            "test18: a succeeded pod being deleted stays Completed",
            Now,
            Deleted(Pod("test18", 1, PodPhase.Succeeded, Status(ContainerState.Terminated(0, 0, 0)))),
            ["test18", "0/1", "Completed", "0", "10m"]
        },
        {
            "test19: a running pod being deleted is Terminating",
            Now,
            Deleted(Pod("test19", 1, PodPhase.Running, Status(Running, ready: true))),
            ["test19", "1/1", "Terminating", "0", "10m"]
        },
        {
            "test20: a pod being deleted on an unreachable node is Unknown",
            Now,
            With(Deleted(Pod("test20", 1, PodPhase.Running, Status(Running, ready: true))), s => s with { Reason = PodReason.NodeLost }),
            ["test20", "1/1", "Unknown", "0", "10m"]
        },
    };

    /// <summary>A pod with <paramref name="init"/> regular init containers and one app container, and these statuses.</summary>
    private static Pod InitPod(string name, int init, PodPhase phase, ContainerStatus[] initStatuses, ContainerStatus[] statuses)
    {
        var pod = Pod(name, 1, phase, statuses);
        return pod with
        {
            Spec = pod.Spec with { InitContainers = [.. Enumerable.Range(0, init).Select(i => new Container { Name = $"init{i}" })] },
            Status = pod.Status with { InitContainerStatuses = [.. initStatuses] },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TestPrintPod(string name, long now, Pod pod, object[] expected)
    {
        Assert.StartsWith((string)expected[0], name, StringComparison.Ordinal);
        Assert.Equal(expected, Row(pod, now));
    }

    [Fact]
    public void A_kubelet_still_creating_the_containers_shows_ContainerCreating_and_a_crash_looping_one_CrashLoopBackOff()
    {
        Assert.Equal("ContainerCreating", Row(Pod("web", 1, PodPhase.Pending, Status(ContainerState.Waiting("ContainerCreating"))))[2]);
        Assert.Equal("CrashLoopBackOff", Row(Pod("web", 1, PodPhase.Running, Status(ContainerState.Waiting("CrashLoopBackOff"), 7, last: FinishedAt(Now - 15_000))))[2]);
        Assert.Equal("7 (15s ago)", Row(Pod("web", 1, PodPhase.Running, Status(ContainerState.Waiting("CrashLoopBackOff"), 7, last: FinishedAt(Now - 15_000))))[3]);
    }

    [Fact]
    public void A_terminated_container_without_a_reason_shows_its_exit_code()
    {
        var pod = Pod("web", 1, PodPhase.Failed, Status(new ContainerState(ContainerStateKind.Terminated, ExitCode: 137)));
        Assert.Equal("ExitCode:137", Row(pod)[2]);
    }

    [Fact]
    public void A_restartable_init_container_counts_towards_READY_s_total()
    {
        var pod = Pod("web", 1, PodPhase.Running, Status(Running, ready: true));
        pod = pod with { Spec = pod.Spec with { InitContainers = [new Container { Name = "sidecar", RestartPolicy = RestartPolicy.Always }, new Container { Name = "init" }] } };
        Assert.Equal("1/2", Row(pod)[1]);
    }

    /// <summary>TestPrintPodwide: the wide cells are the pod IP, node, nominated node and readiness gates, with <c>&lt;none&gt;</c> for unset ones.</summary>
    [Fact]
    public void TestPrintPodwide()
    {
        var bound = Pod("test1", 2, PodPhase.Pending, Status(Running, 3, ready: true), Status(NoState, 3));
        bound = bound with { Spec = bound.Spec with { NodeName = "test1" }, Status = bound.Status with { PodIP = "1.1.1.1", NominatedNodeName = "node1" } };
        Assert.Equal(["1.1.1.1", "test1", "node1", "<none>"], ResourceTables.Cells(bound, Now).Skip(5));
        var unbound = Pod("test2", 1, PodPhase.Pending);
        Assert.Equal(["<none>", "<none>", "<none>", "<none>"], ResourceTables.Cells(unbound, Now).Skip(5));
    }

    private static Pod With(Pod pod, Func<PodStatus, PodStatus> status) => pod with { Status = status(pod.Status) };

    private static Pod Deleted(Pod pod) => pod with { Metadata = pod.Metadata with { DeletionTimestamp = 0, DeletionGracePeriodSeconds = 30 } };
}
