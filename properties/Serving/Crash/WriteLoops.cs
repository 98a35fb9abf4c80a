using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KubeKernel.Adapters.Serving.Storage;

namespace KubeKernel.Properties.Serving.Crash;

/// <summary>
/// Clients that write to a served cluster until it goes away, recording each acknowledged write: ServiceAccounts and
/// NodePort Services created, and the <c>web</c> Deployment scaled, concurrently, so batches hold several requests.
/// </summary>
/// <remarks>
/// Services make the allocators part of what must survive (a ClusterIP or NodePort handed out twice after a restart would
/// break an invariant), and scaling makes the controllers write ReplicaSets and pods in the same batches.
/// </remarks>
internal static class WriteLoops
{
    /// <summary>A bound on each loop, should the server never go away.</summary>
    private const int MaxWrites = 500;

    public const string Namespace = "default";

    /// <summary>Creates the <c>web</c> Deployment the scale loop scales; the server must be up and must accept it.</summary>
    public static async Task CreateDeployment(HttpClient http, Acknowledged acks)
    {
        var labels = new JsonObject { ["app"] = "web" };
        var deployment = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = "web" },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 2,
                ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() },
                    ["spec"] = new JsonObject
                    {
                        ["containers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = "web",
                            ["image"] = "nginx",
                            ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "64Mi" } },
                        }),
                    },
                },
            },
        };
        var answer = await Send(http, HttpMethod.Post, $"/apis/apps/v1/namespaces/{Namespace}/deployments", deployment);
        Assert.True(answer is not null, "the server went away while creating the Deployment");
        acks.Record(RegistryKeys.For("deployments", Namespace, "web"), answer.Value);
    }

    /// <summary>
    /// Runs the three loops until the server stops answering; returns how many writes were acknowledged. <paramref name="round"/>
    /// is part of every created name, so a write a crash cut off never collides with a later one.
    /// </summary>
    public static async Task<int> Run(HttpClient http, Acknowledged acks, int round, CancellationToken stop)
    {
        var counts = await Task.WhenAll(
            Loop(http, acks, stop, n =>
            {
                var name = $"sa-{round}-{n}";
                return (HttpMethod.Post, $"/api/v1/namespaces/{Namespace}/serviceaccounts", ServiceAccount(name), RegistryKeys.For("serviceaccounts", Namespace, name));
            }),
            Loop(http, acks, stop, n =>
            {
                var name = $"np-{round}-{n}";
                return (HttpMethod.Post, $"/api/v1/namespaces/{Namespace}/services", NodePortService(name), RegistryKeys.For("services", Namespace, name));
            }),
            Loop(http, acks, stop, n => (HttpMethod.Put, $"/apis/apps/v1/namespaces/{Namespace}/deployments/web/scale", Scale(1 + (n % 4)), RegistryKeys.For("deployments", Namespace, "web"))));
        return counts.Sum();
    }

    private static async Task<int> Loop(HttpClient http, Acknowledged acks, CancellationToken stop, Func<int, (HttpMethod Method, string Path, JsonObject Body, string Key)> write)
    {
        var acknowledged = 0;
        for (var n = 0; n < MaxWrites && !stop.IsCancellationRequested; n++)
        {
            var (method, path, body, key) = write(n);
            if (await Send(http, method, path, body) is not { } version)
            {
                break;
            }

            acks.Record(key, version);
            acknowledged++;
        }

        return acknowledged;
    }

    /// <summary>Sends one write and returns the resourceVersion it was acknowledged at; null when the server went away before answering, a failed assertion when it refused.</summary>
    private static async Task<long?> Send(HttpClient http, HttpMethod method, string path, JsonObject body)
    {
        HttpResponseMessage response;
        string text;
        try
        {
            response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
            text = await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            // Killed mid-request, or not listening any more: this write was never acknowledged.
            return null;
        }

        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{method} {path} was answered {(int)response.StatusCode}: {text}");
            var version = JsonNode.Parse(text)!["metadata"]!["resourceVersion"]!.GetValue<string>();
            return long.Parse(version, CultureInfo.InvariantCulture);
        }
    }

    private static JsonObject ServiceAccount(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    private static JsonObject NodePortService(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["type"] = "NodePort",
            ["selector"] = new JsonObject { ["app"] = "web" },
            ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }),
        },
    };

    private static JsonObject Scale(int replicas) => new()
    {
        ["apiVersion"] = "autoscaling/v1",
        ["kind"] = "Scale",
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = Namespace },
        ["spec"] = new JsonObject { ["replicas"] = replicas },
    };
}
