using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using KubeKernel.Adapters.Serving;
using KubeKernel.Model;

namespace KubeKernel.Bench.Serving;

/// <summary>
/// <c>kernelctl serve</c> under load, as the serve issue measures it: the real kubectl applies Deployments to simulated
/// nodes; the harness times the apply, then how long until every Deployment is Available after the last apply, then
/// the latency of mutating API calls from concurrent clients.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project bench -- serve-load [--deployments 100] [--replicas 3] [--nodes 10]
/// [--calls 1000] [--concurrency 8] [--etcd http://127.0.0.1:2379]</c> (SQLite in a temporary folder unless --etcd
/// names an empty etcd). Kubernetes' SLOs for reference: mutating calls p99 ≤ 1 s, stateless pod startup p99 ≤ 5 s.
/// </remarks>
public static class ServeLoad
{
    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var deployments = Option(args, "--deployments", 100);
        var replicas = Option(args, "--replicas", 3);
        var nodes = Option(args, "--nodes", 10);
        var calls = Option(args, "--calls", 1000);
        var concurrency = Option(args, "--concurrency", 8);
        var etcd = args.SkipWhile(a => a != "--etcd").Skip(1).FirstOrDefault();
        var rounds = Option(args, "--rounds", 1);
        Console.WriteLine($"{deployments} Deployments × {replicas} replicas on {nodes} nodes; {calls} mutating calls (merge patches) from {concurrency} clients; SQLite{(etcd is null ? string.Empty : " and etcd alternately")}, {rounds} round(s)");
        Console.WriteLine("| store | kubectl apply | all Available after the last apply | mutating p50 | p99 | max | calls/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        for (var round = 0; round < rounds; round++)
        {
            await Measure(null, deployments, replicas, nodes, calls, concurrency);
            if (etcd is not null)
            {
                await Measure(etcd, deployments, replicas, nodes, calls, concurrency);
            }
        }
    }

    /// <summary>One measurement on a fresh store: SQLite in a temporary folder, or the etcd at <paramref name="etcd"/> (emptied after).</summary>
    private static async Task Measure(string? etcd, int deployments, int replicas, int nodes, int calls, int concurrency)
    {
        var root = Directory.CreateTempSubdirectory("kernel-serve-load-").FullName;
        try
        {
            var kubeconfig = Path.Combine(root, "kubeconfig");
            await using var runner = await ServeRunner.Start(new ServeOptions
            {
                Port = 0,
                DataDir = etcd is null ? Path.Combine(root, "data") : null,
                Etcd = etcd,
                Nodes = nodes,
                KubeconfigOut = kubeconfig,
            });
            var manifest = Path.Combine(root, "deployments.yaml");
            await File.WriteAllTextAsync(manifest, Manifest(deployments, replicas));

            var apply = Stopwatch.StartNew();
            await Kubectl(root, kubeconfig, "apply", "-f", manifest);
            apply.Stop();

            var available = Stopwatch.StartNew();
            while (!AllAvailable(runner, deployments, replicas))
            {
                if (available.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new TimeoutException("the Deployments were not all Available within 2 minutes");
                }

                await Task.Delay(10);
            }

            available.Stop();
            var latencies = await MutatingCalls(runner.Address, deployments, calls, concurrency);
            Array.Sort(latencies);
            var total = latencies.Sum();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(etcd is null ? "SQLite" : "etcd")} | {apply.Elapsed.TotalSeconds:0.00} s | {available.Elapsed.TotalSeconds:0.00} s | {Percentile(latencies, 0.50):0.0} ms | {Percentile(latencies, 0.99):0.0} ms | {latencies[^1]:0.0} ms | {calls / (total / 1000 / concurrency):0} |"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
            if (etcd is not null)
            {
                // The next measurement starts from an empty etcd, as the first did.
                using var client = new dotnet_etcd.EtcdClient(etcd);
                await client.DeleteRangeAsync("/registry/");
            }
        }
    }

    private static bool AllAvailable(ServeRunner runner, int deployments, int replicas)
    {
        var store = runner.Host.Current.Cluster.Store;
        return store.Count(Kinds.Deployment.Kind) >= deployments
            && store.List<Deployment>().All(d => d.Status.AvailableReplicas >= replicas && d.Status.UpdatedReplicas >= replicas);
    }

    /// <summary>Merge patches of Deployments' annotations from concurrent clients, each timed from send to answer, in milliseconds.</summary>
    private static async Task<double[]> MutatingCalls(Uri server, int deployments, int calls, int concurrency)
    {
        using var http = new HttpClient { BaseAddress = server };
        var latencies = new double[calls];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                using var body = new StringContent($"{{\"metadata\":{{\"annotations\":{{\"load\":\"{i}\"}}}}}}", Encoding.UTF8);
                body.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
                var timer = Stopwatch.StartNew();
                using var response = await http.PatchAsync($"/apis/apps/v1/namespaces/default/deployments/load-{i % deployments}", body);
                latencies[i] = timer.Elapsed.TotalMilliseconds;
                response.EnsureSuccessStatusCode();
            }
        }));
        return latencies;
    }

    private static string Manifest(int deployments, int replicas) => string.Join("---\n", Enumerable.Range(0, deployments).Select(i => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: load-{{i}}
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels: {app: load-{{i}}}
          template:
            metadata:
              labels: {app: load-{{i}}}
            spec:
              containers:
              - name: app
                image: nginx:1.27
                resources:
                  requests: {cpu: 50m, memory: 64Mi}

        """));

    private static async Task Kubectl(string root, string kubeconfig, params string[] args)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["KUBECACHEDIR"] = Path.Combine(root, "cache");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl {string.Join(' ', args)} failed: {await stderr}");
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);
}
