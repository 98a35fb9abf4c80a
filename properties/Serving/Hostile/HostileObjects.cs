using System.Text;
using System.Text.Json.Nodes;

namespace KubeKernel.Properties.Serving.Hostile;

/// <summary>The cluster the hostile requests aim at, and valid bodies for them to spoil.</summary>
/// <remarks>
/// The cluster holds the Deployment and Service <c>web</c> in <c>default</c>. Creates use a fresh name, so a body the
/// server wrongly accepts shows as a write rather than hiding behind AlreadyExists.
/// </remarks>
internal static class HostileObjects
{
    public const string Deployments = "/apis/apps/v1/namespaces/default/deployments";
    public const string Web = Deployments + "/web";
    public const string Services = "/api/v1/namespaces/default/services";
    public const string WebService = Services + "/web";

    public static JsonObject Deployment(string name, int replicas = 1) => Parse("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"NAME","labels":{"app":"NAME"}},
         "spec":{"replicas":REPLICAS,"selector":{"matchLabels":{"app":"NAME"}},
          "template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}}
        """, name, replicas);

    public static JsonObject Service(string name) => Parse("""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"NAME"},
         "spec":{"selector":{"app":"web"},"ports":[{"port":80,"targetPort":80}]}}
        """, name);

    /// <summary>A fresh Deployment <c>probe</c> changed by <paramref name="spoil"/>.</summary>
    public static JsonObject Probe(Action<JsonObject> spoil)
    {
        var probe = Deployment("probe");
        spoil(probe);
        return probe;
    }

    private static JsonObject Parse(string template, string name, int replicas = 1) =>
        JsonNode.Parse(template.Replace("NAME", name, StringComparison.Ordinal).Replace("REPLICAS", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))!.AsObject();

    public static byte[] Utf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
