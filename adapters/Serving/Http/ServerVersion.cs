using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>What <c>/version</c> reports: the Kubernetes minor version decides which kubectl the gcloud dispatcher runs.</summary>
/// <param name="Minor">The minor version (the dispatcher runs kubectl 1.&lt;minor&gt; for 27–33, its built-in 1.32 otherwise).</param>
internal sealed record ServerVersion(int Minor)
{
    public JsonObject ToJson() => new()
    {
        ["major"] = "1",
        ["minor"] = Minor.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["gitVersion"] = $"v1.{Minor}.0-kernel",
        ["gitCommit"] = "kernel",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "kernel",
        ["compiler"] = "kernel",
        ["platform"] = "linux/amd64",
    };
}
