namespace KubeKernel.Properties.Serving.Kubectl;

/// <summary>kubectl features beyond the main flow: server dry runs, strict field validation, api-resources, get all.</summary>
public class KubectlDetailTests
{
    [Fact]
    public async Task A_server_dry_run_answers_as_a_create_would_and_keeps_nothing()
    {
        await using var cluster = await ServedCluster.Start();
        var revision = cluster.Runner.Host.Current.Revision;
        Assert.Contains("deployment.apps/dry created (server dry run)", await cluster.Ok("create", "deployment", "dry", "--image=nginx", "--dry-run=server"));
        Assert.Equal(revision, cluster.Runner.Host.Current.Revision);
        var missing = await cluster.Kubectl("get", "deploy", "dry");
        Assert.Contains("deployments.apps \"dry\" not found", missing.Stderr);
    }

    [Fact]
    public async Task Strict_field_validation_refuses_an_unknown_field_in_Kubernetes_words()
    {
        await using var cluster = await ServedCluster.Start();
        var manifest = Path.Combine(cluster.DataDir, "..", "typo.yaml");
        await File.WriteAllTextAsync(manifest, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: typo}
            spec:
              replica: 2
              selector: {matchLabels: {app: typo}}
              template:
                metadata: {labels: {app: typo}}
                spec: {containers: [{name: c, image: nginx}]}
            """);
        var refused = await cluster.Kubectl("apply", "-f", manifest);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("strict decoding error: unknown field \"spec.replica\"", refused.Stderr);
        Assert.Contains("deployment.apps/typo created", await cluster.Ok("apply", "--validate=false", "-f", manifest));
    }

    [Fact]
    public async Task Api_resources_and_get_all_know_the_short_names_and_the_all_category()
    {
        await using var cluster = await ServedCluster.Start();
        var resources = await cluster.Ok("api-resources");
        Assert.Matches(@"deployments\s+deploy\s+apps/v1\s+true\s+Deployment", resources);
        Assert.Matches(@"nodes\s+no\s+v1\s+false\s+Node", resources);

        await cluster.Ok("create", "deployment", "web", "--image=nginx", "--replicas=2");
        await cluster.Ok("expose", "deployment", "web", "--port=80");
        var all = await cluster.Eventually(o => o.Contains("pod/web-", StringComparison.Ordinal), "get", "all");
        Assert.Contains("service/web", all);
        Assert.Contains("deployment.apps/web", all);
        Assert.Contains("replicaset.apps/web-", all);
    }

    [Fact]
    public async Task With_a_token_file_serve_speaks_https_refuses_requests_without_a_token_and_kubectl_gets_in_with_the_kubeconfig()
    {
        var tokens = Path.GetTempFileName();
        await File.WriteAllTextAsync(tokens, "s3cret,admin,1\n");
        try
        {
            await using var cluster = await ServedCluster.Start(tokenFile: tokens);
            Assert.Equal("https", cluster.Runner.Address.Scheme);
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
            using var http = new HttpClient(handler) { BaseAddress = cluster.Runner.Address };
            using var refused = await http.GetAsync("/api/v1/namespaces");
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("\"reason\":\"Unauthorized\"", await refused.Content.ReadAsStringAsync());

            var namespaces = await cluster.Ok("get", "ns");
            Assert.Matches(@"default\s+Active\s+\d+s", namespaces);
        }
        finally
        {
            File.Delete(tokens);
        }
    }
}
