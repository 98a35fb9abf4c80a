using System.Globalization;
using System.Text.Json.Nodes;
using KubeKernel.Adapters.Serving.Storage;

namespace KubeKernel.Properties.Serving.Crash;

/// <summary>
/// <c>kill -9</c> of <c>serve</c> in the middle of concurrent writes, again and again on one SQLite folder: every write
/// it acknowledged is still there after each crash, at its acknowledged resourceVersion or a later one, and what is on
/// disk is a state the kernel's safety invariants hold in.
/// </summary>
public class CrashTests
{
    /// <summary>Drives the kill moments; printed in every failure so a run can be repeated.</summary>
    private const int Seed = 7193;

    private const int Crashes = 12;

    [Fact(Timeout = 120_000)]
    public async Task Every_acknowledged_write_survives_kill_9_and_the_store_keeps_the_safety_invariants()
    {
        var random = new Random(Seed);
        var dataDir = Directory.CreateTempSubdirectory("kernel-crash-").FullName;
        var acks = new Acknowledged();
        StoredCluster? earlier = null;
        var acknowledged = 0;
        try
        {
            for (var crash = 0; crash < Crashes; crash++)
            {
                // Kill between 30 ms and 600 ms into the writes: sometimes before the first batch is durable, mostly in the middle of a later one.
                var delay = random.Next(30, 600);
                var at = $"seed {Seed}, crash {crash + 1} of {Crashes}, {delay} ms into the writes";
                await using var serve = await ServeProcess.Start(dataDir);
                using var http = Client(serve);
                if (crash == 0)
                {
                    await WriteLoops.CreateDeployment(http, acks);
                }
                else
                {
                    Assert.True(serve.Restored, $"{at}: serve started a new cluster instead of restoring the folder:\n{serve.Output()}");
                    await AssertServed(http, acks, at);
                }

                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                var writers = WriteLoops.Run(http, acks, crash, stop.Token);
                await Task.Delay(delay);
                await serve.Kill();
                acknowledged += await writers.WaitAsync(TimeSpan.FromSeconds(15));

                var stored = StoredCluster.Load(dataDir);
                AssertDurable(stored.Snapshot, acks, at);
                var violations = stored.Violations(earlier);
                Assert.True(violations.Count == 0, $"{at}: the store breaks invariants:\n{string.Join('\n', violations)}");
                earlier = stored;
            }

            await using (var last = await ServeProcess.Start(dataDir))
            {
                using var http = Client(last);
                await AssertServed(http, acks, $"seed {Seed}, after the last crash");
            }

            // Not vacuous: the kills did land among acknowledged writes, not only before the first one.
            Assert.True(acknowledged >= Crashes * 3, $"seed {Seed}: only {acknowledged} writes were acknowledged in {Crashes} rounds");
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static HttpClient Client(ServeProcess serve) => new() { BaseAddress = serve.Address, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Every acknowledged key is in the store at its acknowledged version or later, and the store's revision covers them all.</summary>
    private static void AssertDurable(StoreSnapshot snapshot, Acknowledged acks, string at)
    {
        var stored = snapshot.Objects.ToDictionary(o => o.Key, o => o.Revision, StringComparer.Ordinal);
        var lost = acks.All()
            .Where(a => stored.GetValueOrDefault(a.Key) < a.Value)
            .Select(a => $"{a.Key} acknowledged at {a.Value}, stored at {(stored.TryGetValue(a.Key, out var r) ? r.ToString(CultureInfo.InvariantCulture) : "nothing")}")
            .ToList();
        Assert.True(lost.Count == 0, $"{at}: acknowledged writes are not in the store:\n{string.Join('\n', lost)}");
        Assert.True(snapshot.Revision >= acks.All().Max(a => a.Value), $"{at}: the store's revision {snapshot.Revision} is below an acknowledged resourceVersion");
    }

    /// <summary>The restarted server lists every acknowledged object at its acknowledged resourceVersion or later.</summary>
    private static async Task AssertServed(HttpClient http, Acknowledged acks, string at)
    {
        var served = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (resource, path) in new[]
        {
            ("serviceaccounts", $"/api/v1/namespaces/{WriteLoops.Namespace}/serviceaccounts"),
            ("services", $"/api/v1/namespaces/{WriteLoops.Namespace}/services"),
            ("deployments", $"/apis/apps/v1/namespaces/{WriteLoops.Namespace}/deployments"),
        })
        {
            var list = JsonNode.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative)))!;
            foreach (var item in list["items"]!.AsArray())
            {
                var metadata = item!["metadata"]!;
                served[RegistryKeys.For(resource, WriteLoops.Namespace, metadata["name"]!.GetValue<string>())] =
                    long.Parse(metadata["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            }
        }

        var missing = acks.All().Where(a => served.GetValueOrDefault(a.Key) < a.Value).Select(a => $"{a.Key} acknowledged at {a.Value}").ToList();
        Assert.True(missing.Count == 0, $"{at}: the restarted server does not serve acknowledged writes:\n{string.Join('\n', missing)}");
    }
}
