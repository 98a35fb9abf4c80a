using System.ComponentModel;
using System.Net;
using KubeKernel.Adapters;
using KubeKernel.Adapters.Serving;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KubeKernel.Cli.Commands;

/// <summary>The <c>serve</c> command: a Kubernetes API server backed by the kernel, for kubectl and other clients.</summary>
internal sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--address <ADDRESS>")]
        [Description("The address to listen on (default 127.0.0.1). A non-loopback address needs --token-file.")]
        public string Address { get; init; } = "127.0.0.1";

        [CommandOption("--port <PORT>")]
        [Description("The port to listen on (default 6443; 0 picks a free one).")]
        public int Port { get; init; } = 6443;

        [CommandOption("--data-dir <DIR>")]
        [Description("Where the embedded SQLite store keeps the cluster (default: $XDG_STATE_HOME/kernelctl/serve).")]
        public string? DataDir { get; init; }

        [CommandOption("--etcd <URLS>")]
        [Description("Keep the cluster in etcd at these endpoints (comma-separated, e.g. http://127.0.0.1:2379) instead of SQLite.")]
        public string? Etcd { get; init; }

        [CommandOption("--nodes <N>")]
        [Description("Simulated nodes node-1..N to register when the store does not have them (default 3).")]
        public int Nodes { get; init; } = 3;

        [CommandOption("--cluster-cidr <CIDR>")]
        [Description("kube-controller-manager --cluster-cidr: the range each node's /24 pod CIDR comes from (default 10.244.0.0/16, widened to hold --nodes). A node registering when it is exhausted gets none (CIDRNotAvailable) and stays NotReady.")]
        public string? ClusterCidr { get; init; }

        [CommandOption("--kubeconfig-out <FILE>")]
        [Description("Also write the kubeconfig to use to this file.")]
        public string? KubeconfigOut { get; init; }

        [CommandOption("--token-file <FILE>")]
        [Description("Static bearer tokens, one 'token,user,uid' per line; requests without one get 401.")]
        public string? TokenFile { get; init; }

        [CommandOption("--kubernetes-version <MINOR>")]
        [Description("The Kubernetes minor version /version reports, e.g. 1.31 (default 1.32); the kubectl dispatcher picks its kubectl by it.")]
        public string KubernetesVersion { get; init; } = "1.32";

        public override ValidationResult Validate()
        {
            if (!IPAddress.TryParse(Address, out _))
            {
                return ValidationResult.Error($"--address: \"{Address}\" is not an IP address");
            }

            if (Port is < 0 or > 65535)
            {
                return ValidationResult.Error($"--port: {Port} is not a port (0-65535)");
            }

            if (Nodes is < 0 or > 5000)
            {
                return ValidationResult.Error($"--nodes: {Nodes} is out of range (0-5000)");
            }

            if (ClusterCidr is not null && !ClusterCidrMath.TryParse(ClusterCidr, ClusterConfig.Default, out _, out var error))
            {
                return ValidationResult.Error(error);
            }

            return Minor(KubernetesVersion) is null ? ValidationResult.Error($"--kubernetes-version: \"{KubernetesVersion}\" is not a version like 1.32") : ValidationResult.Success();
        }

        public static int? Minor(string version)
        {
            var parts = version.TrimStart('v').Split('.');
            return parts.Length >= 2 && parts[0] == "1" && int.TryParse(parts[1], out var minor) && minor is > 0 and < 100 ? minor : null;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new ServeOptions
        {
            Address = IPAddress.Parse(settings.Address),
            Port = settings.Port,
            DataDir = settings.DataDir,
            Etcd = settings.Etcd,
            Nodes = settings.Nodes,
            ClusterCidr = settings.ClusterCidr is { } cidr && ClusterCidrMath.TryParse(cidr, ClusterConfig.Default, out var parsed, out _) ? parsed : null,
            KubeconfigOut = settings.KubeconfigOut,
            TokenFile = settings.TokenFile,
            Minor = Settings.Minor(settings.KubernetesVersion)!.Value,
        };
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, e =>
        {
            e.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await using var runner = await ServeRunner.Start(options).ConfigureAwait(false);
            Console.Error.WriteLine($"serving the Kubernetes API on {runner.Address} ({(runner.Host.Restored ? "restored from" : "new cluster in")} {runner.Host.Location}); Ctrl-C stops");
            Console.Error.WriteLine(options.KubeconfigOut is { } path ? $"kubeconfig written to {path}; use: kubectl --kubeconfig {path} get nodes" : "kubeconfig (save it and use kubectl --kubeconfig FILE):");
            if (options.KubeconfigOut is null)
            {
                Console.Out.Write(runner.Kubeconfig);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("stopping");
            }

            return runner.Host.Failure is null ? 0 : 1;
        }
        catch (ServeException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return CommandOutput.BadInput;
        }
        catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"error: cannot listen on {settings.Address}:{settings.Port}: the address is already in use (try another --port)");
            return CommandOutput.BadInput;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
