// A tiny orchestrator: it embeds the kernel from its NuGet packages and runs it with its own pieces: a policy that places
// pods first, an in-memory container runtime, and a scheduler plugin that caps pods per node. It asks for five replicas
// on two nodes that take two pods each, runs the cluster until four are Ready (or a minute of logical time has passed),
// and prints what happened and the pods it ended with: the fifth waits, Pending, with the plugin's reason.
using KubeKernel;
using KubeKernel.Collections;
using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Scheduling;
using KubeKernel.Scheduling.Plugins;
using Orchestrator;

const int replicas = 5;
const int room = 4;

// The default scheduler with one more filter: at most two pods a node.
var profile = new SchedulerProfile(Scheduler.Name, [.. DefaultPlugins.Create(ScoringStrategy.LeastAllocated), new PluginEntry(new PodsPerNodeLimit(2))]);
var config = ClusterConfig.Default with { Controllers = ClusterConfig.Default.Controllers.Replace(new Scheduler(profile)) };

var runtime = new InMemoryRuntime(startupMillis: 2_000, heartbeatMillis: 10_000, Console.Out);
var driver = new Driver(ClusterState.Initial(config), new SchedulerFirstPolicy(), runtime);

foreach (var name in new[] { "node-a", "node-b" })
{
    var capacity = ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse("2")).SetItem("memory", Quantity.Parse("4Gi")).SetItem("pods", Quantity.Parse("110"));
    driver.Submit(new NodeRegistered(new Node(ObjectMeta.Named(name), new NodeSpec(false, default), new NodeStatus(capacity, capacity, default, default, default))));
}

var labels = ValueMap.Of(("app", "web"));
var container = new Container
{
    Name = "web",
    Image = "nginx:1.25",
    Resources = new ResourceRequirements(ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse("250m")).SetItem("memory", Quantity.Parse("128Mi")), default),
};
var web = new Deployment(
    new ObjectMeta { Name = "web", Namespace = "default", Labels = labels },
    new DeploymentSpec
    {
        Replicas = replicas,
        Selector = LabelSelector.ForLabels(labels),
        Template = new PodTemplateSpec(new ObjectMeta { Labels = labels }, new PodSpec { Containers = [container] }),
    },
    new DeploymentStatus());
driver.Submit(new ObjectSubmitted("create-web", web, SubmitVerb.Create));

var placed = driver.RunUntil(until: 60_000, done: state => state.Store.List<Pod>().Count(pod => pod.IsReady) == room);

Console.WriteLine();
Console.WriteLine($"{"POD",-24} {"NODE",-8} {"PHASE",-9} {"READY",-6} MESSAGE");
foreach (var pod in driver.State.Store.List<Pod>())
{
    var scheduled = pod.Status.FindCondition(PodConditionTypes.PodScheduled);
    Console.WriteLine($"{pod.Metadata.Name,-24} {pod.Spec.NodeName ?? "<none>",-8} {pod.Status.Phase,-9} {pod.IsReady,-6} {(pod.IsBound ? string.Empty : scheduled?.Message)}");
}

var pending = driver.State.Store.List<Pod>().Count(pod => !pod.IsBound);
Console.WriteLine();
Console.WriteLine($"{room}/{replicas} replicas ready and {pending} pending after {driver.Steps} steps and {driver.State.Now / 1000} s of logical time");
return placed && pending == replicas - room ? 0 : 1;
