using System.Net;

namespace KubeKernel.Adapters.Serving;

/// <summary>How <c>kernelctl serve</c> runs: where it listens, where it keeps the cluster, how many nodes it simulates.</summary>
internal sealed record ServeOptions
{
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 6443;

    /// <summary>The SQLite store's folder (default: <see cref="DefaultDataDir"/>).</summary>
    public string? DataDir { get; init; }

    /// <summary>etcd endpoints (<c>http://127.0.0.1:2379</c>, comma-separated); when set, the cluster lives in etcd instead of SQLite.</summary>
    public string? Etcd { get; init; }

    /// <summary>Nodes to register (<c>node-1</c>…) when the store does not have them yet.</summary>
    public int Nodes { get; init; } = 3;

    /// <summary>
    /// <c>--cluster-cidr</c>, the range node pod CIDRs come from; null: the default 10.244.0.0/16, widened to hold
    /// <see cref="Nodes"/> (see <see cref="ClusterCidrMath.Fit"/>).
    /// </summary>
    public Networking.IPv4Cidr? ClusterCidr { get; init; }

    /// <summary>The control plane's configuration these options ask for.</summary>
    public ClusterConfig Config => ClusterCidrMath.Configure(ClusterConfig.Default, ClusterCidr, Nodes);

    public string? KubeconfigOut { get; init; }

    public string? TokenFile { get; init; }

    /// <summary>The Kubernetes minor version <c>/version</c> reports (1.32: the kernel follows Kubernetes 1.32's behaviour).</summary>
    public int Minor { get; init; } = 32;

    /// <summary>Opens the store these options name: etcd when <see cref="Etcd"/> is set, else SQLite in <see cref="DataDir"/>.</summary>
    /// <param name="dataDir">The SQLite folder (default <see cref="DefaultDataDir"/>).</param>
    /// <param name="etcd">etcd endpoints, instead of SQLite.</param>
    /// <param name="writer">Whether the caller writes (serve, restore): a SQLite folder then admits no second writer.</param>
    public static Storage.IClusterStore OpenStore(string? dataDir, string? etcd, bool writer = true) =>
        etcd is not null ? Storage.EtcdClusterStore.Open(etcd) : Storage.SqliteClusterStore.Open(dataDir ?? DefaultDataDir, writer);

    /// <summary>The user's state directory (<c>$XDG_STATE_HOME</c>, else <c>~/.local/state</c>) under <c>kernelctl/serve</c>.</summary>
    public static string DefaultDataDir =>
        Path.Combine(
            Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } state ? state : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state"),
            "kernelctl",
            "serve");
}
