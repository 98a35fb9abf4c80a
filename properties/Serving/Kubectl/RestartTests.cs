using System.Text.Json.Nodes;

namespace KubeKernel.Properties.Serving.Kubectl;

/// <summary>Stopping and starting <c>serve</c> on the same data directory, and restoring a backup into a fresh one.</summary>
public class RestartTests
{
    [Fact]
    public async Task A_restart_brings_back_every_object_at_its_resourceVersion_and_revisions_continue()
    {
        var dataDir = Directory.CreateTempSubdirectory("kernel-restart-").FullName;
        try
        {
            JsonObject before;
            await using (var first = await ServedCluster.Start(dataDir))
            {
                await first.Ok("apply", "-f", "docs/examples/guestbook.yaml");
                await first.Eventually(o => o.Contains("3/3", StringComparison.Ordinal), "get", "deploy", "frontend");
                before = await Objects(first);
            }

            await using var second = await ServedCluster.Start(dataDir);
            Assert.True(second.Runner.Host.Restored);
            var after = await Objects(second);
            Assert.Equal(Versions(before), Versions(after));
            Assert.Equal(before.ToJsonString(), after.ToJsonString());

            var revision = before["items"]!.AsArray().Max(i => long.Parse(i!["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
            await second.Ok("scale", "deployment", "frontend", "--replicas=4");
            var scaled = long.Parse(await second.Ok("get", "deploy", "frontend", "-o", "jsonpath={.metadata.resourceVersion}"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(scaled > revision, $"the write after the restart got resourceVersion {scaled}, not above the revision {revision} the store had");

            // The restored cluster runs, not only answers: the new replica is scheduled onto a restored node and becomes Ready.
            await second.Eventually(o => o.Contains("4/4", StringComparison.Ordinal), "get", "deploy", "frontend");
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>Every object kubectl lists of the kinds the guestbook makes, as JSON.</summary>
    private static async Task<JsonObject> Objects(ServedCluster cluster) =>
        JsonNode.Parse(await cluster.Ok("get", "deploy,rs,pods,svc,endpointslices,ns,nodes", "-A", "-o", "json"))!.AsObject();

    private static IReadOnlyList<string> Versions(JsonObject list) =>
        [.. list["items"]!.AsArray().Select(i => $"{i!["kind"]} {i["metadata"]!["namespace"]}/{i["metadata"]!["name"]}@{i["metadata"]!["resourceVersion"]}")];
}
