using KubeKernel.Adapters.Manifests;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Host;
using KubeKernel.Adapters.Serving.Http;
using KubeKernel.Adapters.Serving.Storage;

namespace KubeKernel.Adapters.Serving;

/// <summary>A running <c>serve</c>: the store, the kernel's loop and the HTTP server, started together and stopped together.</summary>
internal sealed class ServeRunner : IAsyncDisposable
{
    private readonly IClusterStore store;
    private readonly ClusterHost host;
    private readonly ApiServer server;

    private ServeRunner(IClusterStore store, ClusterHost host, ApiServer server, string kubeconfig)
    {
        this.store = store;
        this.host = host;
        this.server = server;
        Kubeconfig = kubeconfig;
    }

    public Uri Address => server.Address;

    public string Kubeconfig { get; }

    public ClusterHost Host => host;

    /// <summary>Opens the store, restores the cluster from it and starts serving; refuses what would be unsafe.</summary>
    /// <exception cref="ServeException">The options cannot be served (a public address without tokens, a bad token file).</exception>
    public static async Task<ServeRunner> Start(ServeOptions options)
    {
        if (!System.Net.IPAddress.IsLoopback(options.Address) && options.TokenFile is null)
        {
            throw new ServeException($"refusing to serve on {options.Address} without --token-file: anyone who can reach it could change the cluster");
        }

        TokenFile? tokens;
        try
        {
            tokens = options.TokenFile is null ? null : TokenFile.Read(options.TokenFile);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            throw new ServeException($"cannot read the token file: {e.Message}");
        }

        if (options.Etcd is not null && options.DataDir is not null)
        {
            throw new ServeException("give --data-dir (SQLite) or --etcd, not both");
        }

        IClusterStore store;
        try
        {
            store = ServeOptions.OpenStore(options.DataDir, options.Etcd);
        }
        catch (Exception e) when (e is ClusterStoreException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new ServeException($"cannot open the store: {e.Message}");
        }

        ClusterHost? host = null;
        try
        {
            var resources = new ApiResources(Model.Kinds.All);
            host = new ClusterHost(options.Config, store, resources, options.Nodes, WallClock);
            host.Start();
            var server = await ApiServer.Start(host, resources, options.Address, options.Port, tokens, new ServerVersion(options.Minor)).ConfigureAwait(false);
            var kubeconfig = Serving.Kubeconfig.For(server.Address, tokens?.FirstToken, server.Certificate is { } cert ? Http.ServingCertificate.AuthorityData(cert) : null);
            if (options.KubeconfigOut is { } path)
            {
                await File.WriteAllTextAsync(path, kubeconfig).ConfigureAwait(false);
            }

            return new ServeRunner(store, host, server, kubeconfig);
        }
        catch
        {
            host?.Dispose();
            store.Dispose();
            throw;
        }
    }

    /// <summary>Wall-clock time as the kernel's logical milliseconds, so timestamps the API shows are real ones.</summary>
    public static long WallClock() => SimulationClock.FromWire(DateTime.UtcNow)!.Value;

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync().ConfigureAwait(false);
        host.Dispose();
        store.Dispose();
    }
}
