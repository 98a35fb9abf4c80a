using System.Diagnostics;
using KubeKernel.Adapters.Serving;
using KubeKernel.Properties.Serving.Storage;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Serving.Kubectl;

/// <summary>A <c>serve</c> on a free loopback port with its own data directory, and the real kubectl pointed at it.</summary>
/// <remarks>
/// Each kubectl gets a fresh discovery cache (<c>KUBECACHEDIR</c>) per cluster, so no run sees another's resources, and
/// every kubectl process is bounded by a timeout and killed with its children if it overruns.
/// </remarks>
internal sealed class ServedCluster : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string kubeconfig;
    private readonly string cacheDir;

    private EtcdServer? etcd;

    private ServedCluster(ServeRunner runner, string dataDir, string kubeconfig, string cacheDir)
    {
        Runner = runner;
        DataDir = dataDir;
        this.kubeconfig = kubeconfig;
        this.cacheDir = cacheDir;
    }

    public ServeRunner Runner { get; }

    public string DataDir { get; }

    /// <summary>The kubeconfig serve wrote (<c>--kubeconfig-out</c>), for clients other than kubectl.</summary>
    public string KubeconfigFile => kubeconfig;

    /// <summary>
    /// Starts serve on SQLite in <paramref name="dataDir"/> (a temporary one by default), on a fresh etcd of its own, or on the
    /// etcd at <paramref name="etcdEndpoint"/> (which the caller owns).
    /// </summary>
    public static async Task<ServedCluster> Start(string? dataDir = null, int minor = 32, int nodes = 3, bool onEtcd = false, string? etcdEndpoint = null, string? tokenFile = null)
    {
        var root = Directory.CreateTempSubdirectory("kernel-serve-").FullName;
        dataDir ??= Path.Combine(root, "data");
        var kubeconfig = Path.Combine(root, "kubeconfig");
        var etcd = onEtcd ? new EtcdServer() : null;
        etcdEndpoint ??= etcd?.Endpoint;
        try
        {
            var runner = await ServeRunner.Start(new ServeOptions
            {
                Port = 0,
                DataDir = etcdEndpoint is null ? dataDir : null,
                Etcd = etcdEndpoint,
                KubeconfigOut = kubeconfig,
                Minor = minor,
                Nodes = nodes,
                TokenFile = tokenFile,
            });
            return new ServedCluster(runner, dataDir, kubeconfig, Path.Combine(root, "cache")) { etcd = etcd };
        }
        catch
        {
            etcd?.Dispose();
            throw;
        }
    }

    /// <summary>Runs kubectl with these arguments (file arguments relative to the repository root).</summary>
    public Task<(int ExitCode, string Stdout, string Stderr)> Kubectl(params string[] args) => BoundedProcess.Run(KubectlStart(args), CommandTimeout);

    /// <summary>Starts a kubectl that keeps running (<c>get -w</c>); the caller reads its output and kills it.</summary>
    public Process StartKubectl(params string[] args) => Process.Start(KubectlStart(args))!;

    private ProcessStartInfo KubectlStart(string[] args)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            WorkingDirectory = Approvals.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["KUBECACHEDIR"] = cacheDir;
        start.Environment["HOME"] = Path.GetDirectoryName(cacheDir);
        return start;
    }

    /// <summary>Runs kubectl and fails the test, showing what it printed, unless it exits 0.</summary>
    public async Task<string> Ok(params string[] args)
    {
        var (code, stdout, stderr) = await Kubectl(args);
        Assert.True(code == 0, $"kubectl {string.Join(' ', args)} exited {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        return stdout;
    }

    /// <summary>Polls kubectl until its output satisfies <paramref name="done"/> (the cluster converges in wall-clock time), at most 30 s.</summary>
    public async Task<string> Eventually(Func<string, bool> done, params string[] args)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var output = await Ok(args);
            if (done(output))
            {
                return output;
            }

            Assert.True(DateTime.UtcNow < deadline, $"kubectl {string.Join(' ', args)} never got there; last output:\n{output}");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Runner.DisposeAsync();
        etcd?.Dispose();
        var root = Path.GetDirectoryName(kubeconfig)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
