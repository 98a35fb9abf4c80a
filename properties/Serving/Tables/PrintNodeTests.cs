using KubeKernel.Adapters.Serving.Tables;
using KubeKernel.Collections;
using KubeKernel.Model;
using static KubeKernel.Properties.Serving.Tables.TableObjects;

namespace KubeKernel.Properties.Serving.Tables;

/// <summary>Kubernetes' <c>TestPrintNodeStatus</c>, <c>TestPrintNodeRole</c>, <c>TestPrintNodeInternalIP</c> and <c>TestPrintNodeExternalIP</c> cases, on kernel nodes.</summary>
public class PrintNodeTests
{
    private static Node Node(string name, bool unschedulable = false, ConditionStatus? ready = null, ValueMap<string, string> labels = default, params string[] addresses) => new(
        ObjectMeta.Named(name) with { Labels = labels },
        new NodeSpec(unschedulable, []),
        new NodeStatus(default, default, ready is { } status ? [new Condition(NodeConditionTypes.Ready, status, string.Empty, string.Empty, 0)] : [], addresses.ToValueList(), []));

    public static TheoryData<string, Node, string> Statuses => new()
    {
        { "foo1", Node("foo1", ready: ConditionStatus.True), "Ready" },
        { "foo2", Node("foo2", unschedulable: true, ready: ConditionStatus.True), "Ready,SchedulingDisabled" },
        { "foo3", Node("foo3", ready: ConditionStatus.True) with { Status = Node("foo3").Status with { Conditions = [True(NodeConditionTypes.Ready), True(NodeConditionTypes.Ready)] } }, "Ready" },
        { "foo4", Node("foo4", ready: ConditionStatus.False), "NotReady" },
        { "foo5", Node("foo5", unschedulable: true, ready: ConditionStatus.False), "NotReady,SchedulingDisabled" },
        { "foo6", Node("foo6", ready: ConditionStatus.Unknown), "NotReady" },
        { "foo7", Node("foo7"), "Unknown" },
        { "foo8", Node("foo8", unschedulable: true), "Unknown,SchedulingDisabled" },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void TestPrintNodeStatus(string name, Node node, string expected)
    {
        var cells = ResourceTables.Cells(node, 0);
        Assert.Equal(name, cells[0]);
        Assert.Equal(expected, cells[1]);
    }

    public static TheoryData<string, string[], string> Roles => new()
    {
        { "foo9", [], "<none>" },
        { "foo10", ["node-role.kubernetes.io/foo", "node-role.kubernetes.io/bar", "node-role.kubernetes.io/baz", "node-role.kubernetes.io/"], "bar,baz,foo" },
        { "foo11", ["kubernetes.io/role=bar", "node-role.kubernetes.io/bar"], "bar" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public void TestPrintNodeRole(string name, string[] labels, string expected)
    {
        var map = new ValueMap<string, string>(labels.Select(l => l.Split('=') is [var key, var value] ? new KeyValuePair<string, string>(key, value) : new KeyValuePair<string, string>(l, string.Empty)));
        Assert.Equal(expected, ResourceTables.Cells(Node(name, labels: map), 0)[2]);
    }

    [Fact]
    public void TestPrintNodeInternalIP_and_TestPrintNodeExternalIP()
    {
        Assert.Equal(["1.1.1.1", "<none>"], ResourceTables.Cells(Node("foo1", addresses: ["1.1.1.1"]), 0).Skip(5).Take(2));
        Assert.Equal(["<none>", "<none>"], ResourceTables.Cells(Node("foo2"), 0).Skip(5).Take(2));
    }

    [Fact]
    public void A_kernel_node_reports_the_kernel_as_its_kubelet_and_no_OS_kernel_or_runtime()
    {
        Assert.Equal(["kernel", "1.1.1.1", "<none>", "<unknown>", "<unknown>", "<unknown>"], ResourceTables.Cells(Node("foo1", ready: ConditionStatus.True, addresses: ["1.1.1.1"]), 0).Skip(4));
    }
}
