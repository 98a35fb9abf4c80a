using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KubeKernel.Properties.Serving.Storage;

/// <summary>A throwaway single-member etcd on free loopback ports, for tests; disposing it kills it and deletes its data.</summary>
/// <remarks>Needs the <c>etcd</c> binary (Debian's <c>etcd-server</c>); without it the tests fail rather than skip, so a
/// machine that lacks it cannot pass the etcd store off as tested.</remarks>
public sealed class EtcdServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly string dataDir;
    private readonly StringBuilder output = new();

    public EtcdServer()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            "etcd is not installed (no `etcd` on PATH): the README's test command, ./test.sh, installs Debian's etcd-server; or run `apt-get install -y etcd-server`");
        dataDir = Directory.CreateTempSubdirectory("kernel-etcd-").FullName;
        var clientUrl = $"http://127.0.0.1:{FreePort()}";
        var peerUrl = $"http://127.0.0.1:{FreePort()}";
        Endpoint = clientUrl;
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--name", "kernel-test", "--data-dir", dataDir,
            "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
            "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
            "--initial-cluster", $"kernel-test={peerUrl}", "--initial-cluster-state", "new",
            "--logger", "zap", "--log-level", "warn",
        })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            WaitUntilHealthy();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The client URL, <c>http://127.0.0.1:PORT</c>.</summary>
    public string Endpoint { get; }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        process.Dispose();
        Directory.Delete(dataDir, recursive: true);
    }

    private static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "etcd"))
            .FirstOrDefault(File.Exists);

    /// <summary>A port the kernel just handed out as free; etcd binds it a moment later (a race only another binder could lose us).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilHealthy()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"etcd exited with code {process.ExitCode} at start:\n{Output()}");
            }

            try
            {
                if (http.GetStringAsync(new Uri($"{Endpoint}/health")).GetAwaiter().GetResult().Contains("\"health\":\"true\"", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            Thread.Sleep(100);
        }

        throw new InvalidOperationException($"etcd did not become healthy at {Endpoint} within {StartTimeout.TotalSeconds:0} s:\n{Output()}");
    }

    private void Collect(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
