using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KubeKernel.Properties.Serving.Kubectl;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Serving.Client;

/// <summary>
/// The guestbook flow of <see cref="KubectlFlowTests"/> through a second client, the C# <c>KubernetesClient</c>: it speaks
/// JSON only, sends its own bodies (a strategic merge patch it wrote, a Scale it read and changed) and parses every answer
/// into typed models, so a field serve gets wrong that kubectl happens to ignore shows up here.
/// </summary>
public class KubernetesClientFlowTests
{
    private const string Namespace = "default";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_guestbook_flow_works_through_the_CSharp_client()
    {
        await using var cluster = await ServedCluster.Start();
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigFile));

        foreach (var obj in await KubernetesYaml.LoadAllFromFileAsync(Path.Combine(Approvals.RepositoryRoot, "docs/examples/guestbook.yaml")))
        {
            _ = obj switch
            {
                V1Deployment d => (object)await client.AppsV1.CreateNamespacedDeploymentAsync(d, Namespace),
                V1Service s => await client.CoreV1.CreateNamespacedServiceAsync(s, Namespace),
                _ => throw new InvalidOperationException($"the guestbook has a {obj.GetType().Name}"),
            };
        }

        await Eventually(() => client.AppsV1.ReadNamespacedDeploymentAsync("frontend", Namespace), IsAvailable(3));

        // Equality and set-based selectors: the frontend's three pods; the followers but not the leader.
        var frontend = await client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: "app=guestbook,tier=frontend");
        Assert.Equal(3, frontend.Items.Count);
        Assert.All(frontend.Items, p => Assert.StartsWith("frontend-", p.Metadata.Name));
        var followers = await client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: "app=redis,role notin (leader)");
        Assert.Equal(2, followers.Items.Count);
        Assert.All(followers.Items, p => Assert.Equal("follower", p.Metadata.Labels["role"]));

        // Watch from the list's resourceVersion, then scale through the scale subresource: the watch sees the two new pods.
        using var watching = new CancellationTokenSource(Patience);
        var watch = client.CoreV1.WatchListNamespacedPodAsync(
            Namespace, labelSelector: "app=guestbook", resourceVersion: frontend.Metadata.ResourceVersion, cancellationToken: watching.Token);
        var added = NewPods(watch, frontend.Items.Select(p => p.Metadata.Name).ToHashSet(), 2);

        var scale = await client.AppsV1.ReadNamespacedDeploymentScaleAsync("frontend", Namespace);
        Assert.Equal(3, scale.Spec.Replicas);
        scale.Spec.Replicas = 5;
        Assert.Equal(5, (await client.AppsV1.ReplaceNamespacedDeploymentScaleAsync(scale, "frontend", Namespace)).Spec.Replicas);
        Assert.All(await added, name => Assert.StartsWith("frontend-", name));
        var scaled = await Eventually(() => client.AppsV1.ReadNamespacedDeploymentAsync("frontend", Namespace), IsAvailable(5));

        // A strategic merge patch merges containers by name: the image changes, the rest of the container stays.
        // (Not the env: serve drops a container's env already at create, since the kernel's Container has none.)
        var patched = await client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"php-redis","image":"gb-frontend:v6"}]}}}}""", V1Patch.PatchType.StrategicMergePatch),
            "frontend",
            Namespace);
        var container = Assert.Single(patched.Spec.Template.Spec.Containers);
        Assert.Equal("gb-frontend:v6", container.Image);
        Assert.Equal(80, Assert.Single(container.Ports).ContainerPort);
        Assert.Equal("/", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("100m", container.Resources.Requests["cpu"].ToString());
        Assert.Equal(scaled.Metadata.Generation + 1, patched.Metadata.Generation);
        await Eventually(
            () => client.AppsV1.ListNamespacedReplicaSetAsync(Namespace, labelSelector: "app=guestbook,tier=frontend"),
            sets => sets.Items.Any(rs => rs.Spec.Template.Spec.Containers[0].Image == "gb-frontend:v6"));

        await AssertNodePortConflict(client);
        await AssertDeploymentEvents(client);

        await client.AppsV1.DeleteNamespacedDeploymentAsync("frontend", Namespace);
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.ReadNamespacedDeploymentAsync("frontend", Namespace));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
        await Eventually(() => client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: "app=guestbook,tier=frontend"), pods => pods.Items.Count == 0);
    }

    /// <summary>A NodePort Service gets the port it asks for; a second one asking for it gets 422 naming the field, as kube-apiserver answers.</summary>
    private static async Task AssertNodePortConflict(Kubernetes client)
    {
        static V1Service Service(string name) => new()
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1ServiceSpec
            {
                Type = "NodePort",
                Selector = new Dictionary<string, string> { ["app"] = "guestbook" },
                Ports = [new V1ServicePort { Port = 8080, TargetPort = 80, NodePort = 30010 }],
            },
        };

        var first = await client.CoreV1.CreateNamespacedServiceAsync(Service("frontend-np"), Namespace);
        Assert.Equal(30010, Assert.Single(first.Spec.Ports).NodePort);

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedServiceAsync(Service("frontend-np2"), Namespace));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(refused.Response.Content);
        Assert.Equal("Invalid", status.Reason);
        var cause = Assert.Single(status.Details.Causes);
        Assert.Equal("spec.ports[0].nodePort", cause.Field);
        Assert.Equal("FieldValueInvalid", cause.Reason);
        Assert.Equal("Invalid value: 30010: provided port is already allocated", cause.Message);
    }

    /// <summary>Events selected by the object they are about: only the frontend Deployment's, among them its scaling.</summary>
    private static async Task AssertDeploymentEvents(Kubernetes client)
    {
        var events = await client.CoreV1.ListNamespacedEventAsync(Namespace, fieldSelector: "involvedObject.kind=Deployment,involvedObject.name=frontend");
        Assert.NotEmpty(events.Items);
        Assert.All(events.Items, e => Assert.Equal(("Deployment", "frontend"), (e.InvolvedObject.Kind, e.InvolvedObject.Name)));
        Assert.Contains(events.Items, e => e.Reason == "ScalingReplicaSet" && e.Message.Contains("to 5", StringComparison.Ordinal));

        var others = await client.CoreV1.ListNamespacedEventAsync(Namespace, fieldSelector: "involvedObject.kind=Deployment,involvedObject.name!=frontend");
        Assert.NotEmpty(others.Items);
        Assert.DoesNotContain(others.Items, e => e.InvolvedObject.Name == "frontend");
    }

    private static Func<V1Deployment, bool> IsAvailable(int replicas) => d =>
        d.Status.ObservedGeneration == d.Metadata.Generation && d.Status.AvailableReplicas == replicas &&
        d.Status.Conditions?.Any(c => c.Type == "Available" && c.Status == "True") == true;

    /// <summary>The names of the first <paramref name="count"/> pods the watch reports ADDED that were not in <paramref name="known"/>.</summary>
    private static async Task<IReadOnlyList<string>> NewPods(IAsyncEnumerable<(WatchEventType Type, V1Pod Pod)> events, HashSet<string> known, int count)
    {
        var added = new List<string>();
        await foreach (var (type, pod) in events)
        {
            if (type == WatchEventType.Added && !known.Contains(pod.Metadata.Name))
            {
                added.Add(pod.Metadata.Name);
                if (added.Count == count)
                {
                    break;
                }
            }
        }

        Assert.True(added.Count == count, $"the watch ended after {added.Count} new pods, not {count}");
        return added;
    }

    /// <summary>Reads until <paramref name="done"/> holds (the cluster converges in wall-clock time), at most <see cref="Patience"/>.</summary>
    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"never got there; last: {KubernetesJson.Serialize(value)}");
            await Task.Delay(200);
        }
    }
}
