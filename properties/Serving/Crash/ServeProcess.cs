using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace KubeKernel.Properties.Serving.Crash;

/// <summary>The built <c>kernelctl serve</c> as a child process on a SQLite folder, so a test can kill it with SIGKILL.</summary>
/// <remarks>
/// In-process serving cannot crash: disposing it runs the graceful path. A separate process killed with SIGKILL gets no
/// chance to flush or close anything, which is what a power cut or an OOM kill leaves behind. Disposing always kills it.
/// </remarks>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<Uri> address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process)
    {
        this.process = process;
    }

    /// <summary>The server's base address, <c>http://127.0.0.1:PORT/</c>, as it printed it.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Whether the server said it restored a cluster from the folder rather than starting a new one.</summary>
    public bool Restored { get; private set; }

    /// <summary>Starts serve on <paramref name="dataDir"/> on a free port and waits until it prints the address it serves on.</summary>
    public static async Task<ServeProcess> Start(string dataDir)
    {
        var serve = new ServeProcess(Process.Start(Kernelctl.StartInfo("serve", "--port", "0", "--data-dir", dataDir, "--nodes", "2"))!);
        serve.process.OutputDataReceived += serve.Collect;
        serve.process.ErrorDataReceived += serve.Collect;
        serve.process.BeginOutputReadLine();
        serve.process.BeginErrorReadLine();
        try
        {
            var exited = serve.process.WaitForExitAsync();
            var first = await Task.WhenAny(serve.address.Task, exited, Task.Delay(StartTimeout));
            Assert.True(first == serve.address.Task, $"serve did not print its address within {StartTimeout.TotalSeconds:0} s (exited: {serve.process.HasExited}):\n{serve.Output()}");
            serve.Address = await serve.address.Task;
            return serve;
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown code runs. Returns once the process is gone.</summary>
    public async Task Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>What the server printed so far, for failure messages.</summary>
    public string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Kill();
        }
        finally
        {
            process.Dispose();
        }
    }

    [GeneratedRegex(@"serving the Kubernetes API on (?<address>\S+) \((?<how>restored from|new cluster in) ")]
    private static partial Regex ServingLine();

    private void Collect(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is not { } line)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (ServingLine().Match(line) is { Success: true } match)
        {
            Restored = match.Groups["how"].Value == "restored from";
            address.TrySetResult(new Uri(match.Groups["address"].Value));
        }
    }
}
