using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeKernel.Adapters.Serving.Storage;
using KubeKernel.Properties.Serving.Storage;

namespace KubeKernel.Properties.Serving.Kubectl;

/// <summary>
/// <c>kernelctl backup</c> of a cluster built with kubectl, and <c>kernelctl restore</c> of it into a fresh SQLite folder and
/// a fresh etcd: served again, each has every object exactly as it was, and the same ClusterIPs and NodePorts. Bad restores
/// are refused and change nothing.
/// </summary>
public class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_restored_into_SQLite_and_into_etcd_serves_every_object_and_allocation_as_it_was()
    {
        var root = Directory.CreateTempSubdirectory("kernel-backup-").FullName;
        var (original, restoredDir, backup) = (Path.Combine(root, "original"), Path.Combine(root, "restored"), Path.Combine(root, "cluster.backup"));
        try
        {
            JsonObject before;
            await using (var cluster = await ServedCluster.Start(original))
            {
                await cluster.Ok("apply", "-f", "docs/examples/guestbook.yaml");
                await cluster.Ok("scale", "deployment", "frontend", "--replicas=4");
                await cluster.Ok("expose", "deployment", "redis-leader", "--type=NodePort", "--port=80", "--name=leader-np");
                await cluster.Eventually(o => o.Contains("4/4", StringComparison.Ordinal), "get", "deploy", "frontend");
                before = await Objects(cluster);
            }

            var allocations = Allocations(before);
            Assert.Contains(allocations, a => a.Service == "default/frontend" && a.NodePorts == "30086");
            Assert.Contains(allocations, a => a.Service == "default/leader-np" && a.NodePorts.Length > 0);

            var backedUp = await Kernelctl.Run("backup", "--data-dir", original, "-o", backup);
            Assert.True(backedUp.ExitCode == 0, backedUp.Stderr);
            Assert.StartsWith("backed up ", backedUp.Stdout);
            var counted = Counted(backedUp.Stdout);
            Assert.NotEmpty(counted);

            var intoSqlite = await Kernelctl.Run("restore", backup, "--data-dir", restoredDir);
            Assert.True(intoSqlite.ExitCode == 0, intoSqlite.Stderr);
            Assert.Equal(counted, Counted(intoSqlite.Stdout));
            await AssertServedAsBefore(before, await ServedCluster.Start(restoredDir));

            using var etcd = new EtcdServer();
            var intoEtcd = await Kernelctl.Run("restore", backup, "--etcd", etcd.Endpoint);
            Assert.True(intoEtcd.ExitCode == 0, intoEtcd.Stderr);
            Assert.Equal(counted, Counted(intoEtcd.Stdout));
            var again = await Kernelctl.Run("restore", backup, "--etcd", etcd.Endpoint);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("already holds a cluster", again.Stderr);
            await AssertServedAsBefore(before, await ServedCluster.Start(etcdEndpoint: etcd.Endpoint));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_truncated_backup_is_refused_and_writes_nothing_and_a_store_that_holds_a_cluster_is_not_overwritten()
    {
        var root = Directory.CreateTempSubdirectory("kernel-backup-").FullName;
        var (original, backup) = (Path.Combine(root, "original"), Path.Combine(root, "cluster.backup"));
        try
        {
            await using (var cluster = await ServedCluster.Start(original))
            {
                await cluster.Ok("create", "serviceaccount", "keeper");
            }

            Assert.Equal(0, (await Kernelctl.Run("backup", "--data-dir", original, "-o", backup)).ExitCode);
            var lines = await File.ReadAllLinesAsync(backup);
            var text = await File.ReadAllTextAsync(backup);

            // Cut inside the last object, and cut after a whole object: one is damaged JSON, the other looks whole line by line.
            var midLine = Path.Combine(root, "mid-line.backup");
            await File.WriteAllTextAsync(midLine, text[..(text.Length - 40)]);
            await AssertRefused(midLine, Path.Combine(root, "from-mid-line"), $"{midLine}: line {lines.Length}: not valid JSON (the file is damaged or not a kernelctl backup)");

            var lineShort = Path.Combine(root, "line-short.backup");
            await File.WriteAllLinesAsync(lineShort, lines[..^1]);
            await AssertRefused(lineShort, Path.Combine(root, "from-line-short"), $"{lineShort} holds {lines.Length - 2} objects but its header promises {lines.Length - 1}: the backup is incomplete");

            var held = Load(original);
            var (code, _, stderr) = await Kernelctl.Run("restore", backup, "--data-dir", original);
            Assert.Equal(2, code);
            Assert.Contains($"already holds a cluster (revision {held.Revision}); restore into an empty store", stderr);
            Assert.Equal(held, Load(original), SnapshotComparer.Instance);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Restoring <paramref name="file"/> into the empty folder <paramref name="dataDir"/> fails with exit 2 and <paramref name="message"/>, and leaves the store empty.</summary>
    private static async Task AssertRefused(string file, string dataDir, string message)
    {
        var (code, stdout, stderr) = await Kernelctl.Run("restore", file, "--data-dir", dataDir);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"error: {message}\n", stderr);
        Assert.Equal(StoreSnapshot.Empty, Load(dataDir), SnapshotComparer.Instance);
    }

    /// <summary>"N objects at revision R" from what backup and restore print.</summary>
    private static string Counted(string output) => Regex.Match(output, @"\d+ objects at revision \d+").Value;

    private static StoreSnapshot Load(string dataDir)
    {
        using var store = SqliteClusterStore.Open(dataDir, writer: false);
        return store.Load();
    }

    private static async Task AssertServedAsBefore(JsonObject before, ServedCluster restored)
    {
        await using (restored)
        {
            Assert.True(restored.Runner.Host.Restored);
            var after = await Objects(restored);
            Assert.Equal(Versions(before), Versions(after));
            Assert.Equal(Allocations(before), Allocations(after));
            Assert.Equal(before.ToJsonString(), after.ToJsonString());

            // The pools came back with the Services: a new NodePort Service gets an IP and a port nobody holds.
            await restored.Ok("expose", "deployment", "redis-follower", "--type=NodePort", "--port=6379", "--name=follower-np");
            var ip = await restored.Ok("get", "svc", "follower-np", "-o", "jsonpath={.spec.clusterIP}");
            var port = await restored.Ok("get", "svc", "follower-np", "-o", "jsonpath={.spec.ports[0].nodePort}");
            Assert.DoesNotContain(Allocations(before), a => a.ClusterIP == ip || a.NodePorts.Split(',').Contains(port));
        }
    }

    /// <summary>Every object of every kind the server lists, as kubectl gets them, in JSON.</summary>
    private static async Task<JsonObject> Objects(ServedCluster cluster)
    {
        var kinds = (await cluster.Ok("api-resources", "--verbs=list", "-o", "name")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return JsonNode.Parse(await cluster.Ok("get", string.Join(',', kinds), "-A", "-o", "json"))!.AsObject();
    }

    private static IReadOnlyList<string> Versions(JsonObject list) =>
        [.. list["items"]!.AsArray().Select(i => $"{i!["kind"]} {i["metadata"]!["namespace"]}/{i["metadata"]!["name"]}@{i["metadata"]!["resourceVersion"]}")];

    /// <summary>Each Service's ClusterIP and node ports (comma-separated, empty for none), in list order.</summary>
    private static IReadOnlyList<Allocation> Allocations(JsonObject list) =>
        [.. list["items"]!.AsArray()
            .Where(i => i!["kind"]!.GetValue<string>() == "Service")
            .Select(s => new Allocation(
                $"{s!["metadata"]!["namespace"]}/{s["metadata"]!["name"]}",
                s["spec"]!["clusterIP"]?.GetValue<string>() ?? string.Empty,
                string.Join(',', s["spec"]!["ports"]!.AsArray().Select(p => p!["nodePort"]).OfType<JsonNode>().Select(p => p.ToJsonString()))))];

    private sealed record Allocation(string Service, string ClusterIP, string NodePorts);

    /// <summary>Snapshots by value: the revision and every object's key, revision and JSON.</summary>
    private sealed class SnapshotComparer : IEqualityComparer<StoreSnapshot>
    {
        public static readonly SnapshotComparer Instance = new();

        public bool Equals(StoreSnapshot? x, StoreSnapshot? y) => x!.Revision == y!.Revision && x.Objects.SequenceEqual(y.Objects);

        public int GetHashCode(StoreSnapshot obj) => obj.Revision.GetHashCode();
    }
}
