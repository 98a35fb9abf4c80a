using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KubeKernel.Properties.Serving.Kubectl;

/// <summary>Watches: <c>kubectl get pods -w</c> sees a rollout's pods as rows, and a watch from a compacted resourceVersion gets 410.</summary>
public class WatchTests
{
    [Fact]
    public async Task Kubectl_get_pods_watch_prints_a_row_for_each_new_pod_under_one_header()
    {
        await using var cluster = await ServedCluster.Start();
        await cluster.Ok("create", "deployment", "web", "--image=nginx", "--replicas=1");
        await cluster.Eventually(o => o.Contains("1/1", StringComparison.Ordinal), "get", "deploy", "web");

        using var watch = cluster.StartKubectl("get", "pods", "-w", "-l", "app=web");
        try
        {
            var lines = new List<string>();
            var header = await watch.StandardOutput.ReadLineAsync();
            Assert.StartsWith("NAME", header);
            lines.Add((await watch.StandardOutput.ReadLineAsync())!);
            await cluster.Ok("scale", "deployment", "web", "--replicas=3");
            using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (lines.Select(l => l.Split(' ')[0]).Distinct().Count() < 3)
            {
                lines.Add((await watch.StandardOutput.ReadLineAsync(enough.Token))!);
            }

            Assert.DoesNotContain(lines, l => l.StartsWith("NAME", StringComparison.Ordinal));
            Assert.All(lines, l => Assert.StartsWith("web-", l));
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
            await watch.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_watch_from_before_the_watch_cache_gets_410_Expired_and_one_from_now_gets_the_changes()
    {
        await using var cluster = await ServedCluster.Start();
        using var http = new HttpClient { BaseAddress = cluster.Runner.Address };
        var list = await http.GetFromJsonAsync<JsonObject>("/api/v1/namespaces/default/pods");
        var revision = list!["metadata"]!["resourceVersion"]!.GetValue<string>();

        var expired = await http.GetStringAsync("/api/v1/namespaces/default/pods?watch=true&resourceVersion=1");
        var error = JsonNode.Parse(expired.Split('\n')[0])!;
        Assert.Equal("ERROR", error["type"]!.GetValue<string>());
        Assert.Equal(410, error["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", error["object"]!["reason"]!.GetValue<string>());

        using var stream = await http.GetStreamAsync($"/api/v1/namespaces/default/pods?watch=true&resourceVersion={revision}&timeoutSeconds=20");
        using var reader = new StreamReader(stream);
        await cluster.Ok("run", "solo", "--image=nginx");
        var added = JsonNode.Parse((await reader.ReadLineAsync())!)!;
        Assert.Equal("ADDED", added["type"]!.GetValue<string>());
        Assert.Equal("solo", added["object"]!["metadata"]!["name"]!.GetValue<string>());
        Assert.True(long.Parse(added["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > long.Parse(revision, System.Globalization.CultureInfo.InvariantCulture));
    }
}
