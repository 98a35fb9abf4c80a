namespace KubeKernel.Properties.Serving.Kubectl;

/// <summary><c>kubectl apply --server-side</c> against serve: creation, field ownership, conflicts with another manager, and forcing.</summary>
public class ServerSideApplyTests
{
    [Fact]
    public async Task Server_side_apply_creates_then_conflicts_with_client_side_apply_until_forced()
    {
        await using var cluster = await ServedCluster.Start();
        var manifest = Path.Combine(cluster.DataDir, "..", "web.yaml");
        await File.WriteAllTextAsync(manifest, Deployment(replicas: 2));

        Assert.Contains("deployment.apps/web serverside-applied", await cluster.Ok("apply", "--server-side", "-f", manifest));
        var managers = await cluster.Ok("get", "deploy", "web", "--show-managed-fields", "-o", "jsonpath={.metadata.managedFields[*].manager}");
        Assert.Equal("kubectl", managers);

        // kubectl scale is an update by another manager that takes spec.replicas; applying a different count now conflicts.
        await cluster.Ok("scale", "deployment", "web", "--replicas=4");
        await File.WriteAllTextAsync(manifest, Deployment(replicas: 3));
        var conflict = await cluster.Kubectl("apply", "--server-side", "-f", manifest);
        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("conflict with \"kubectl\"", conflict.Stderr);
        Assert.Contains(".spec.replicas", conflict.Stderr);
        Assert.Equal("4", await cluster.Ok("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}"));

        Assert.Contains("serverside-applied", await cluster.Ok("apply", "--server-side", "--force-conflicts", "-f", manifest));
        Assert.Equal("3", await cluster.Ok("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}"));
    }

    private static string Deployment(int replicas) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
        """;
}
