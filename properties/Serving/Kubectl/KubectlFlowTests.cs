namespace KubeKernel.Properties.Serving.Kubectl;

/// <summary>
/// The real kubectl against <c>serve</c>: the guestbook applied, scaled, rolled out, rolled back, exposed, described and
/// deleted, with the output kubectl gives against a real cluster. Run with the kubectl the dispatcher picks for minor 32
/// (which sends protobuf for <c>create deployment</c>) and for minor 31 (JSON only), on SQLite and on etcd.
/// </summary>
public class KubectlFlowTests
{
    [Theory]
    [InlineData(32, false)]
    [InlineData(31, false)]
    [InlineData(32, true)]
    public async Task The_guestbook_flow_works_as_against_a_real_cluster(int minor, bool onEtcd)
    {
        await using var cluster = await ServedCluster.Start(minor: minor, onEtcd: onEtcd);
        Assert.Contains($"\"minor\": \"{minor}\"", await cluster.Ok("version", "-o", "json"));

        var applied = await cluster.Ok("apply", "-f", "docs/examples/guestbook.yaml");
        Assert.Contains("deployment.apps/frontend created", applied);
        Assert.Contains("service/frontend created", applied);
        await cluster.Eventually(o => o.Contains("3/3", StringComparison.Ordinal), "get", "deploy", "frontend");
        var pods = await cluster.Ok("get", "pods", "-o", "wide", "-l", "app=guestbook");
        Assert.Equal(3, pods.Split('\n').Count(l => l.Contains("node-", StringComparison.Ordinal)));

        // The frontend Service took 30086; a second Service asking for it is refused in Kubernetes' words.
        var conflict = await cluster.Kubectl("apply", "-f", "docs/examples/nodeport-conflict.yaml");
        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("The Service \"frontend-admin\" is invalid: spec.ports[0].nodePort: Invalid value: 30086: provided port is already allocated", conflict.Stderr);

        Assert.Contains("deployment.apps/frontend scaled", await cluster.Ok("scale", "deployment", "frontend", "--replicas=5"));
        Assert.Contains("successfully rolled out", await cluster.Ok("rollout", "status", "deployment", "frontend", "--timeout=30s"));
        Assert.Equal("5", await cluster.Ok("get", "deploy", "frontend", "-o", "jsonpath={.status.availableReplicas}"));

        Assert.Contains("image updated", await cluster.Ok("set", "image", "deployment/frontend", "php-redis=gb-frontend:v6"));
        Assert.Contains("successfully rolled out", await cluster.Ok("rollout", "status", "deployment", "frontend", "--timeout=30s"));
        Assert.Contains("rolled back", await cluster.Ok("rollout", "undo", "deployment", "frontend"));
        await cluster.Eventually(o => o.EndsWith("gb-frontend:v5", StringComparison.Ordinal), "get", "deploy", "frontend", "-o", "jsonpath={.spec.template.spec.containers[0].image}");

        Assert.Contains("service/leader-np exposed", await cluster.Ok("expose", "deployment", "redis-leader", "--type=NodePort", "--port=80", "--name=leader-np"));
        Assert.Matches(@"80:3\d{4}/TCP", await cluster.Ok("get", "svc", "leader-np"));

        Assert.Contains("deployment.apps/web created", await cluster.Ok("create", "deployment", "web", "--image=nginx", "--replicas=3"));
        await cluster.Eventually(o => o.Contains("3/3", StringComparison.Ordinal), "get", "deploy", "web");

        Assert.Contains("job.batch/pi created", await cluster.Ok("create", "job", "pi", "--image=perl", "--", "perl", "-e", "1"));
        await cluster.Eventually(o => o.Contains("Complete", StringComparison.Ordinal), "get", "job", "pi");
        Assert.Equal("1", await cluster.Ok("get", "job", "pi", "-o", "jsonpath={.status.succeeded}"));

        var described = await cluster.Ok("describe", "deployment", "frontend");
        Assert.Contains("ScalingReplicaSet", described);
        Assert.Contains("deployment-controller", described);
        Assert.Contains("ScalingReplicaSet", await cluster.Ok("get", "events"));

        Assert.Contains("serverside-applied", await cluster.Ok("apply", "--server-side", "--force-conflicts", "-f", "docs/examples/guestbook.yaml"));

        var deleted = await cluster.Ok("delete", "-f", "docs/examples/guestbook.yaml");
        Assert.Contains("deployment.apps \"frontend\" deleted", deleted);
        Assert.Contains("service \"frontend\" deleted", deleted);
        var missing = await cluster.Kubectl("get", "deploy", "frontend");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("Error from server (NotFound): deployments.apps \"frontend\" not found", missing.Stderr);
    }
}
