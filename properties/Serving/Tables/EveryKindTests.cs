using KubeKernel.Adapters.Manifests;
using KubeKernel.Adapters.Serving.Tables;
using KubeKernel.Cli.Simulate;
using KubeKernel.Model;
using KubeKernel.Properties.Support;
using KubeKernel.StateMachines;
using static KubeKernel.Properties.Serving.Tables.TableObjects;

namespace KubeKernel.Properties.Serving.Tables;

/// <summary>Every served kind has a Table, and every row fills every column, as the API server prints rows wide.</summary>
public class EveryKindTests
{
    public static TheoryData<string> AllKinds => new(Kinds.All.Select(k => k.Kind));

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Every_kind_has_a_NAME_column_in_name_format_first_and_an_AGE_column(string kind)
    {
        var columns = ResourceTables.Columns(kind);
        Assert.Equal(CommonColumns.Name, columns[0]);
        Assert.Contains(CommonColumns.Age, columns);
        Assert.All(columns, c => Assert.Contains(c.Type, new[] { "string", "integer", "boolean" }));
        Assert.All(columns, c => Assert.InRange(c.Priority, 0, TableColumn.Wide));
        Assert.Equal(columns.Count, columns.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void A_minimal_object_of_every_kind_has_a_cell_per_column(string kind)
    {
        var obj = Minimal(kind);
        Assert.Equal(kind, obj.Kind);
        var cells = ResourceTables.Cells(obj, Now);
        Assert.Equal(ResourceTables.Columns(kind).Count, cells.Count);
        Assert.Equal(obj.Metadata.Name, cells[0]);
        Assert.All(cells, c => Assert.True(c is string or long or bool, $"{kind}: {c.GetType().Name} cell"));
    }

    public static TheoryData<string> Examples => new(Directory.GetFiles(Path.Combine(Approvals.RepositoryRoot, "docs", "examples"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_object_of_a_settled_example_has_a_cell_per_column(string file)
    {
        var documents = ManifestReader.ReadFile(Path.Combine(Approvals.RepositoryRoot, "docs", "examples", file));
        var (_, simulation, _) = SimulateRunner.Start(documents, null);
        simulation.RunUntilConverged();
        var objects = simulation.State.Store.All().ToList();
        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.Equal(ResourceTables.Columns(o.Kind).Count, ResourceTables.Cells(o, simulation.State.Now).Count));
    }

    [Fact]
    public void Event_rows_have_a_cell_per_column()
    {
        Assert.Equal(ResourceTables.EventColumns.Count, ResourceTables.EventCells(new k8s.Models.Corev1Event(), Now).Count);
    }

    /// <summary>The least object of each kind: a name and whatever the kind's record requires.</summary>
    private static KubeObject Minimal(string kind) => kind switch
    {
        nameof(Namespace) => new Namespace(ObjectMeta.Named("ns"), [], NamespacePhase.Active),
        nameof(Node) => new Node(ObjectMeta.Named("node"), new NodeSpec(false, []), new NodeStatus(default, default, [], [], [])),
        nameof(Pod) => Pod("pod", 1, PodPhase.Pending),
        nameof(Service) => new Service(Meta("svc"), new ServiceSpec(), ServiceStatus.Empty),
        nameof(ServiceAccount) => new ServiceAccount(Meta("sa")),
        nameof(ReplicaSet) => new ReplicaSet(Meta("rs"), new ReplicaSetSpec(null, 0, LabelSelector.Empty, Template()), new ReplicaSetStatus()),
        nameof(Deployment) => new Deployment(Meta("deploy"), new DeploymentSpec(), new DeploymentStatus()),
        nameof(Job) => new Job(Meta("job"), new JobSpec(), new JobStatus()),
        nameof(EndpointSlice) => new EndpointSlice(Meta("slice"), "IPv4", [], []),
        nameof(Ingress) => new Ingress(Meta("ing"), new IngressSpec(null, null, [], []), ServiceStatus.Empty),
        nameof(IngressClass) => new IngressClass(ObjectMeta.Named("class"), "example.com/controller"),
        nameof(PriorityClass) => new PriorityClass(ObjectMeta.Named("pc"), 0),
        nameof(PersistentVolume) => new PersistentVolume(ObjectMeta.Named("pv")),
        nameof(PersistentVolumeClaim) => new PersistentVolumeClaim(Meta("pvc")),
        nameof(ConfigMap) => new ConfigMap(Meta("cm")),
        nameof(Secret) => new Secret(Meta("secret")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a served kind without a minimal object here"),
    };

    [Fact]
    public void An_unserved_kind_has_no_table()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ResourceTables.Columns("CronJob"));
    }
}
