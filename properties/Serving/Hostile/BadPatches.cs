using FsCheck;
using FsCheck.Fluent;
using static KubeKernel.Properties.Serving.Hostile.HostileObjects;

namespace KubeKernel.Properties.Serving.Hostile;

/// <summary>PATCHes of each patch type that cannot be applied or yield an invalid object, and DELETEs with bad options.</summary>
/// <remarks>
/// kube-apiserver answers a patch that fails to apply 400 or 422 depending on how it failed (a failed <c>test</c> or a
/// missing path is 422 Invalid, a body that is not a patch is 400), so those cases accept either.
/// </remarks>
internal static class BadPatches
{
    private const string JsonPatch = "application/json-patch+json";
    private const string MergePatch = "application/merge-patch+json";
    private const string StrategicPatch = "application/strategic-merge-patch+json";
    private const string ApplyPatch = "application/apply-patch+yaml";

    public static readonly Gen<HostileRequest> JsonPatches =
        from patch in Gen.Elements(
            """{"op":"add","path":"/spec/replicas","value":2}""",
            "\"replace\"",
            "[5]",
            """[{"op":"test","path":"/spec/replicas","value":99}]""",
            """[{"op":"test","path":"/metadata/name","value":"other"}]""",
            """[{"op":"frobnicate","path":"/spec"}]""",
            """[{"op":"remove","path":"/spec/nothing/here"}]""",
            """[{"op":"replace","path":"spec/replicas","value":2}]""",
            """[{"op":"add","path":"/spec/replicas"}]""",
            """[{"op":"move","from":"/spec/nothing","path":"/spec/replicas"}]""",
            """[{"op":"replace","path":"/spec/replicas","value":"abc"}]""",
            """[{"op":"replace","path":"/spec/replicas","value":-3}]""",
            """[{"op":"add","path":"/spec/template/spec/containers/7","value":{}}]""",
            """[{"op":"replace","path":"/metadata/name","value":"other"}]""",
            """[{"op":"add","path":"/spec/template/spec/containers/-","value":{"name":"c","image":"x"}}]""",
            """[{"op":"test","path":"/spec/replicas","value":1},{"op":"replace","path":"/spec/replicas","value":2},{"op":"test","path":"/spec/replicas","value":3}]""")
        select Patch("json patch", patch, JsonPatch);

    public static readonly Gen<HostileRequest> MergePatches =
        from patch in Gen.Elements(
            "[1,2]", "5", "\"spec\"", "{", """{"spec":{"replicas":"abc"}}""", """{"spec":{"replicas":-1}}""",
            """{"metadata":{"name":"other"}}""", """{"kind":"Service"}""", """{"spec":{"template":{"spec":{"containers":[]}}}}""",
            """{"spec":{"selector":{"matchLabels":{"app":"other"}}}}""")
        select Patch("merge patch", patch, MergePatch);

    public static readonly Gen<HostileRequest> StrategicPatches =
        from patch in Gen.Elements(
            """{"$patch":"explode"}""",
            """{"spec":{"template":{"spec":{"containers":[{"$patch":"frobnicate","name":"c"}]}}}}""",
            """{"spec":{"template":{"spec":{"$setElementOrder/containers":5}}}}""",
            """{"spec":{"$retainKeys":"replicas"}}""",
            """{"spec":{"template":{"spec":{"containers":[{"image":"nginx:2"}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":5}}}}""",
            """{"$deleteFromPrimitiveList/finalizers":"x"}""",
            """{"spec":{"replicas":-7}}""",
            "[]")
        select Patch("strategic merge patch", patch, StrategicPatch);

    /// <summary>Server-side apply bodies that are not a valid Deployment <c>web</c>.</summary>
    public static readonly Gen<HostileRequest> ApplyPatches =
        from patch in Gen.Elements(
            "[]", "5", """{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"}}""",
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"other"}}""",
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":-2}}""",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: [\n")
        select Patch("apply patch", patch, ApplyPatch, "?fieldManager=hostile&force=true");

    /// <summary>Patches in a media type that is not a patch type (415), on an object that is not there (404), or too big (413).</summary>
    public static readonly Gen<HostileRequest> Misdirected = Gen.OneOf(
        Gen.Elements("application/json", "text/plain", "application/yaml", "application/vnd.kubernetes.protobuf")
            .Select(type => new HostileRequest($"a patch as {type}", HttpMethod.Patch, Web, Utf8("""{"spec":{"replicas":2}}"""), type, [415])),
        Gen.Elements(MergePatch, StrategicPatch, JsonPatch)
            .Select(type => new HostileRequest($"a {type} of a missing object", HttpMethod.Patch, Deployments + "/nope", Utf8(type == JsonPatch ? "[]" : "{}"), type, [404])),
        Gen.Choose((3 * 1024 * 1024) + 1, 4 * 1024 * 1024)
            .Select(size => new HostileRequest($"a patch of {size} bytes", HttpMethod.Patch, Web, Utf8("{\"metadata\":{}}" + new string(' ', size)), MergePatch, [413])));

    /// <summary>DELETEs whose propagation policy is not one of Kubernetes' three (422), or of an object that is not there (404).</summary>
    public static readonly Gen<HostileRequest> BadDeletes = Gen.OneOf(
        Gen.Elements("Sideways", "background", "None", "%20")
            .Select(policy => new HostileRequest($"propagationPolicy={policy}", HttpMethod.Delete, $"{Web}?propagationPolicy={policy}", null, null, [422])),
        Gen.Elements("Sideways", "orphan", "FOREGROUND")
            .Select(policy => new HostileRequest($"DeleteOptions propagationPolicy {policy}", HttpMethod.Delete, WebService, Utf8($$"""{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"{{policy}}"}"""), "application/json", [422])),
        Gen.Elements("{", "[1]", """{"propagationPolicy":5}""", """{"dryRun":[5]}""", """{"dryRun":"All"}""", """{"gracePeriodSeconds":"abc"}""")
            .Select(options => new HostileRequest($"DeleteOptions {options}", HttpMethod.Delete, WebService, Utf8(options), "application/json", [400])),
        Gen.Elements("{", """{"spec":{"replicas":"abc"}}""", """{"spec":{"replicas":1.5}}""")
            .Select(scale => new HostileRequest($"Scale {scale}", HttpMethod.Put, Web + "/scale", Utf8(scale), "application/json", [400])),
        Gen.Constant(new HostileRequest("a delete of a missing object", HttpMethod.Delete, Deployments + "/nope", null, null, [404])));

    private static HostileRequest Patch(string type, string patch, string contentType, string query = "") =>
        new($"{type} {patch}", HttpMethod.Patch, Web + query, Utf8(patch), contentType, [400, 422]);
}
