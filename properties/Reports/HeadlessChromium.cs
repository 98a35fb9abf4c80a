using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeKernel.Properties.Reports;

/// <summary>A throwaway headless Chromium driven over the DevTools protocol, for opening reports as a person would; disposing it kills it and deletes its profile.</summary>
/// <remarks>
/// Needs Debian's <c>chromium</c>; without it the tests fail rather than skip, so a machine that lacks it cannot pass the
/// reports off as tested. The browser gets a fresh profile, listens for DevTools on a loopback port it picks itself, and
/// every exchange is bounded by <see cref="Timeout"/>. The protocol is spoken directly (JSON over one WebSocket to the
/// page), which is all these tests need from a driver.
/// </remarks>
public sealed class HeadlessChromium : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly string profile;
    private readonly StringBuilder output = new();
    private readonly ClientWebSocket socket = new();
    private readonly List<JsonObject> events = [];
    private int nextId;

    public HeadlessChromium()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            "chromium is not installed (no `chromium` on PATH): the README's test command, ./test.sh, installs Debian's chromium; or run `apt-get install -y chromium`");
        profile = Directory.CreateTempSubdirectory("kernel-chromium-").FullName;
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--window-size=1400,1000", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        process.OutputDataReceived += (_, e) => Collect(e.Data, listening);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, listening);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (!listening.Task.Wait(Timeout))
            {
                throw new InvalidOperationException($"chromium did not open its DevTools port within {Timeout.TotalSeconds:0} s:\n{Output()}");
            }

            Connect(new Uri(listening.Task.Result));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="file"/> and waits until its script has drawn the report (<c>body[data-ready]</c>); returns the URLs the page requested.</summary>
    public IReadOnlyList<string> Open(string file)
    {
        lock (events)
        {
            events.Clear();
        }

        Send("Network.enable");
        Send("Page.navigate", new JsonObject { ["url"] = new Uri(file).AbsoluteUri });
        var deadline = DateTime.UtcNow + Timeout;
        while (Evaluate("document.body !== null && document.body.getAttribute('data-ready') === 'true'")?.GetValue<bool>() != true)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the report {file} was not drawn within {Timeout.TotalSeconds:0} s: {Evaluate("document.body && document.body.innerText.slice(0, 500)")}");
            }

            Thread.Sleep(100);
        }

        lock (events)
        {
            return [.. events.Where(e => (string?)e["method"] == "Network.requestWillBeSent").Select(e => (string)e["params"]!["request"]!["url"]!)];
        }
    }

    /// <summary>The value of a JavaScript expression in the page; an exception in the page fails the test with its text.</summary>
    public JsonNode? Evaluate(string expression)
    {
        var result = Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } error)
        {
            throw new InvalidOperationException($"{expression} threw in the page: {error["exception"]?["description"] ?? error["text"]}");
        }

        return result["result"]!["value"];
    }

    /// <summary>Clicks the middle of the element <paramref name="selector"/> finds with the mouse, as a person would (scrolled into view first).</summary>
    public void Click(string selector)
    {
        var box = Evaluate($$"""
            (() => {
              const e = document.querySelector({{JsonSerializer.Serialize(selector)}});
              if (!e) return null;
              e.scrollIntoView({ block: "center", inline: "center" });
              const r = e.getBoundingClientRect();
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            })()
            """) ?? throw new InvalidOperationException($"no element matches {selector}");
        foreach (var type in new[] { "mouseMoved", "mousePressed", "mouseReleased" })
        {
            Send("Input.dispatchMouseEvent", new JsonObject { ["type"] = type, ["x"] = box["x"]!.GetValue<double>(), ["y"] = box["y"]!.GetValue<double>(), ["button"] = "left", ["clickCount"] = 1 });
        }
    }

    /// <summary>Saves the whole page, not only the window, as a PNG at <paramref name="path"/>.</summary>
    public void Screenshot(string path)
    {
        var size = Send("Page.getLayoutMetrics")["cssContentSize"]!;
        var clip = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = size["width"]!.GetValue<double>(), ["height"] = size["height"]!.GetValue<double>(), ["scale"] = 1 };
        var png = Send("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = clip })["data"]!.GetValue<string>();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Convert.FromBase64String(png));
    }

    public void Dispose()
    {
        socket.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit((int)Timeout.TotalMilliseconds);
        process.Dispose();
        // Chromium's helpers may still be letting go of the profile for a moment after the kill.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Directory.Delete(profile, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Sends one command to the page and waits for its answer, collecting the events that arrive meanwhile.</summary>
    private JsonObject Send(string method, JsonObject? parameters = null)
    {
        var id = ++nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        using var cancel = new CancellationTokenSource(Timeout);
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancel.Token).GetAwaiter().GetResult();
        while (true)
        {
            var reply = Receive(cancel.Token);
            if (reply["id"] is null)
            {
                lock (events)
                {
                    events.Add(reply);
                }

                continue;
            }

            if ((int)reply["id"]! != id)
            {
                continue;
            }

            if (reply["error"] is { } error)
            {
                throw new InvalidOperationException($"chromium refused {method}: {error["message"]}");
            }

            return reply["result"]!.AsObject();
        }
    }

    private JsonObject Receive(CancellationToken cancel)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = socket.ReceiveAsync(buffer, cancel).GetAwaiter().GetResult();
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"chromium closed the DevTools connection:\n{Output()}");
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!.AsObject();
    }

    /// <summary>Connects to the page Chromium opened (its target is listed at <c>/json/list</c> beside the browser's endpoint).</summary>
    private void Connect(Uri browser)
    {
        using var http = new HttpClient { Timeout = Timeout };
        var targets = JsonNode.Parse(http.GetStringAsync(new Uri($"http://{browser.Authority}/json/list")).GetAwaiter().GetResult())!.AsArray();
        var page = targets.FirstOrDefault(t => (string?)t!["type"] == "page") ?? throw new InvalidOperationException($"chromium lists no page: {targets.ToJsonString()}");
        using var cancel = new CancellationTokenSource(Timeout);
        socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), cancel.Token).GetAwaiter().GetResult();
    }

    private void Collect(string? line, TaskCompletionSource<string> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        const string Prefix = "DevTools listening on ";
        if (line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            listening.TrySetResult(line[Prefix.Length..].Trim());
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists);
}
