using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Api;

/// <summary>The discovery documents kubectl reads to map <c>deploy</c> to <c>deployments.apps</c>: aggregated (v2, v2beta1) and legacy.</summary>
internal static class Discovery
{
    /// <summary><c>/api</c> (the core group) or <c>/apis</c> (the others) as an <c>APIGroupDiscoveryList</c>.</summary>
    public static JsonObject Aggregated(ApiResources resources, bool core, string version) => new()
    {
        ["kind"] = "APIGroupDiscoveryList",
        ["apiVersion"] = $"apidiscovery.k8s.io/{version}",
        ["metadata"] = new JsonObject(),
        ["items"] = new JsonArray([.. Groups(resources, core).Select(g => (JsonNode)new JsonObject
        {
            ["metadata"] = g.Group.Length == 0 ? new JsonObject() : new JsonObject { ["name"] = g.Group },
            ["versions"] = new JsonArray(new JsonObject
            {
                ["version"] = g.Version,
                ["freshness"] = "Current",
                ["resources"] = new JsonArray([.. resources.In(g.GroupVersion).Select(r => (JsonNode)AggregatedResource(r))]),
            }),
        })]),
    };

    /// <summary><c>/api</c> for a client that did not ask for aggregated discovery.</summary>
    public static JsonObject ApiVersions() => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(),
    };

    /// <summary><c>/apis</c> for a client that did not ask for aggregated discovery.</summary>
    public static JsonObject ApiGroupList(ApiResources resources) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. Groups(resources, core: false).Select(g =>
        {
            var version = new JsonObject { ["groupVersion"] = g.GroupVersion, ["version"] = g.Version };
            return (JsonNode)new JsonObject { ["name"] = g.Group, ["versions"] = new JsonArray(version), ["preferredVersion"] = version.DeepClone() };
        })]),
    };

    /// <summary><c>/api/v1</c> or <c>/apis/{group}/{version}</c>: an <c>APIResourceList</c>, subresources as <c>deployments/scale</c>.</summary>
    public static JsonObject ApiResourceList(ApiResources resources, string groupVersion) => new()
    {
        ["kind"] = "APIResourceList",
        ["apiVersion"] = "v1",
        ["groupVersion"] = groupVersion,
        ["resources"] = new JsonArray([.. resources.In(groupVersion).SelectMany(r => LegacyResource(r))]),
    };

    private static IEnumerable<(string Group, string Version, string GroupVersion)> Groups(ApiResources resources, bool core) =>
        resources.All.Select(r => (r.Info.Group, r.Info.Version, r.GroupVersion)).Distinct().Where(g => (g.Group.Length == 0) == core);

    private static JsonObject AggregatedResource(ApiResource r)
    {
        var node = new JsonObject
        {
            ["resource"] = r.Resource,
            ["responseKind"] = Kind(r.Info.Group, r.Info.Version, r.Info.Kind),
            ["scope"] = r.Info.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = r.Singular,
            ["verbs"] = Strings(ApiResource.Verbs),
        };
        if (r.ShortNames.Count > 0)
        {
            node["shortNames"] = Strings(r.ShortNames);
        }

        if (r.Categories.Count > 0)
        {
            node["categories"] = Strings(r.Categories);
        }

        if (r.Subresources.Count > 0)
        {
            node["subresources"] = new JsonArray([.. r.Subresources.Select(s => (JsonNode)new JsonObject
            {
                ["subresource"] = s,
                ["responseKind"] = s == "scale" ? Kind("autoscaling", "v1", "Scale") : Kind(r.Info.Group, r.Info.Version, r.Info.Kind),
                ["verbs"] = Strings(["get", "patch", "update"]),
            })]);
        }

        return node;
    }

    private static IEnumerable<JsonNode> LegacyResource(ApiResource r)
    {
        var node = new JsonObject
        {
            ["name"] = r.Resource,
            ["singularName"] = r.Singular,
            ["namespaced"] = r.Info.Namespaced,
            ["kind"] = r.Info.Kind,
            ["verbs"] = Strings(ApiResource.Verbs),
        };
        if (r.ShortNames.Count > 0)
        {
            node["shortNames"] = Strings(r.ShortNames);
        }

        if (r.Categories.Count > 0)
        {
            node["categories"] = Strings(r.Categories);
        }

        yield return node;
        foreach (var sub in r.Subresources)
        {
            var subresource = new JsonObject
            {
                ["name"] = $"{r.Resource}/{sub}",
                ["singularName"] = string.Empty,
                ["namespaced"] = r.Info.Namespaced,
                ["kind"] = sub == "scale" ? "Scale" : r.Info.Kind,
                ["verbs"] = Strings(["get", "patch", "update"]),
            };
            if (sub == "scale")
            {
                subresource["group"] = "autoscaling";
                subresource["version"] = "v1";
            }

            yield return subresource;
        }
    }

    private static JsonObject Kind(string group, string version, string kind) => new() { ["group"] = group, ["version"] = version, ["kind"] = kind };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
