using System.Text.Json.Nodes;
using KubeKernel.Adapters.Serving;
using static KubeKernel.Properties.Serving.Hostile.HostileObjects;

namespace KubeKernel.Properties.Serving.Hostile;

/// <summary>One in-process <c>serve</c> holding the Deployment and Service <c>web</c>, and an HttpClient aimed at it.</summary>
/// <remarks>
/// It waits for the Deployment's rollout to go quiet first, so the store revision only moves when a request writes;
/// every hostile request is then checked to leave it where it was.
/// </remarks>
public sealed class HostileCluster : IAsyncLifetime
{
    /// <summary>Long enough for a 20 MB upload on a busy machine; a request still unanswered then has hung.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    private readonly string dataDir = Directory.CreateTempSubdirectory("kernel-hostile-").FullName;
    private ServeRunner? runner;

    internal HttpClient Http { get; private set; } = null!;

    internal long Revision => runner!.Host.Current.Revision;

    public async Task InitializeAsync()
    {
        runner = await ServeRunner.Start(new ServeOptions { Port = 0, DataDir = dataDir, Nodes = 1 });
        Http = new HttpClient { BaseAddress = runner.Address, Timeout = Timeout.InfiniteTimeSpan };
        await Created(Deployments, Deployment("web"));
        await Created(Services, Service("web"));
        await Quiet();
    }

    /// <summary>Sends the request and reads the whole answer; a request that takes longer than <see cref="RequestTimeout"/> fails as a hang.</summary>
    internal async Task<(int Code, string? ContentType, string Body)> Send(HostileRequest request)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout);
        using var message = request.ToMessage();
        try
        {
            using var response = await Http.SendAsync(message, timeout.Token);
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(timeout.Token));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {RequestTimeout.TotalSeconds} s: {request}");
        }
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await runner!.DisposeAsync();
        Directory.Delete(dataDir, recursive: true);
    }

    private async Task Created(string path, JsonObject body)
    {
        using var response = await Http.PostAsync(path, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.True((int)response.StatusCode == 201, $"creating {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Waits until the revision has stood still for a second: the rollout has settled.</summary>
    private async Task Quiet()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = Revision;
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < TimeSpan.FromSeconds(1))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the cluster kept writing (revision {Revision}) for 30 s after web was created");
            await Task.Delay(100);
            if (Revision != last)
            {
                (last, since) = (Revision, DateTime.UtcNow);
            }
        }
    }
}
