namespace KubeKernel.Properties.Serving.Kubectl;

/// <summary>ConfigMaps and Secrets through the real kubectl: <c>create configmap/secret</c>, <c>get cm</c>, <c>describe</c>, and a pod that waits for its ConfigMap.</summary>
public class KubectlConfigTests
{
    [Fact]
    public async Task Kubectl_creates_gets_and_describes_configmaps_and_secrets()
    {
        await using var cluster = await ServedCluster.Start();
        Assert.Contains("configmap/app-config created", await cluster.Ok("create", "configmap", "app-config", "--from-literal=mode=fast", "--from-literal=level=debug"));
        Assert.Contains("secret/db created", await cluster.Ok("create", "secret", "generic", "db", "--from-literal=password=s3cret"));

        Assert.Matches(@"NAME\s+DATA\s+AGE\s*\napp-config\s+2\s+\d+s", await cluster.Ok("get", "cm", "app-config"));
        Assert.Matches(@"NAME\s+TYPE\s+DATA\s+AGE\s*\ndb\s+Opaque\s+1\s+\d+s", await cluster.Ok("get", "secrets", "db"));
        Assert.Equal("czNjcmV0", await cluster.Ok("get", "secret", "db", "-o", "jsonpath={.data.password}"));

        var described = await cluster.Ok("describe", "configmap", "app-config");
        Assert.Contains("Name:         app-config", described);
        Assert.Matches(@"mode:\s*\n----\s*\nfast", described);

        var resources = await cluster.Ok("api-resources");
        Assert.Matches(@"configmaps\s+cm\s+v1\s+true\s+ConfigMap", resources);
        Assert.Matches(@"secrets\s+v1\s+true\s+Secret", resources);
    }

    [Fact]
    public async Task A_pod_waits_in_CreateContainerConfigError_until_kubectl_creates_its_configmap()
    {
        await using var cluster = await ServedCluster.Start();
        var manifest = Path.Combine(cluster.DataDir, "..", "env-pod.yaml");
        await File.WriteAllTextAsync(manifest, """
            apiVersion: v1
            kind: Pod
            metadata: {name: env-pod}
            spec:
              containers:
              - name: app
                image: nginx
                envFrom: [{configMapRef: {name: app-config}}]
            """);
        await cluster.Ok("apply", "-f", manifest);
        await cluster.Eventually(o => o.Contains("CreateContainerConfigError", StringComparison.Ordinal), "get", "pod", "env-pod");
        var events = await cluster.Ok("get", "events", "--field-selector", "involvedObject.name=env-pod");
        Assert.Contains("Error: configmap \"app-config\" not found", events);

        await cluster.Ok("create", "configmap", "app-config", "--from-literal=mode=fast");
        await cluster.Eventually(o => o.Contains("Running", StringComparison.Ordinal), "get", "pod", "env-pod");
    }
}
