using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using static KubeKernel.Properties.Serving.Hostile.HostileObjects;

namespace KubeKernel.Properties.Serving.Hostile;

/// <summary>Bodies that parse but describe the wrong thing: another kind, unknown fields, invalid specs, too much of it.</summary>
internal static class InvalidObjects
{
    private const string Json = "application/json";

    /// <summary>kube-apiserver's request body limit (3 MiB) and its limit on all of an object's annotations together (256 KiB).</summary>
    private const int BodyLimit = 3 * 1024 * 1024;
    private const int AnnotationsLimit = 256 * 1024;

    /// <summary>One 20 MB annotation, built once: the body is far over the 3 MiB limit, so it is refused before it is read.</summary>
    private static readonly Lazy<byte[]> TwentyMegabytes = new(() =>
        Utf8(Probe(d => d["metadata"]!["annotations"] = new JsonObject { ["big"] = new string('x', 20_000_000) })));

    /// <summary>A body whose apiVersion or kind is not the path's resource (or not a kind at all).</summary>
    public static readonly Gen<HostileRequest> WrongKind =
        from wrong in Gen.Elements<(string ApiVersion, string Kind)>(
            ("apps/v2", "Deployment"), ("extensions/v1beta1", "Deployment"), ("v1", "Deployment"), ("apps/v1", "Service"),
            ("apps/v1", "Frobnicator"), ("frob.example.com/v1", "Frobnicator"), ("apps/v1", "deployment"), ("/", "Deployment"))
        select MalformedBodies.Create($"{wrong.Kind} in {wrong.ApiVersion} sent to deployments", Utf8(Probe(d =>
        {
            d["apiVersion"] = wrong.ApiVersion;
            d["kind"] = wrong.Kind;
        })), Json);

    /// <summary>A Service sent where a Deployment is expected, and the reverse.</summary>
    public static readonly Gen<HostileRequest> CrossedKinds = Gen.Elements(
        MalformedBodies.Create("a Service sent to deployments", Utf8(Service("probe")), Json),
        MalformedBodies.Create("a Deployment sent to services", Utf8(Deployment("probe")), Json, path: Services));

    /// <summary>A field no Deployment has, anywhere in the object, under <c>fieldValidation=Strict</c>.</summary>
    public static readonly Gen<HostileRequest> UnknownFields =
        from place in Gen.Elements<Func<JsonObject, JsonObject>>(
            d => d,
            d => d["metadata"]!.AsObject(),
            d => d["spec"]!.AsObject(),
            d => d["spec"]!["template"]!["spec"]!.AsObject(),
            d => d["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject())
        from name in Gen.Elements("replica", "nme", "imagePullPolicey", "zzUnknown", "$patch", "Spec", "metadata ")
        select MalformedBodies.Create($"unknown field {name}", Utf8(Probe(d => place(d)[name] = 1)), Json, path: Deployments + "?fieldValidation=Strict");

    /// <summary>Specs that decode but that validation refuses with 422 Invalid.</summary>
    public static readonly Gen<HostileRequest> InvalidSpecs = Gen.OneOf(
        Gen.Choose(-1_000_000, -1).Select(r => Invalid($"replicas {r}", d => d["spec"]!["replicas"] = r)),
        Gen.Elements("UPPER_case", "-leading", "trailing-", "a..b", "with space", new string('a', 254), "dot.", "ümlaut")
            .Select(name => Invalid($"name {name}", d => d["metadata"]!["name"] = name)),
        Gen.Constant(Invalid("no containers", d => d["spec"]!["template"]!["spec"]!["containers"] = new JsonArray())),
        Gen.Constant(Invalid("a container without an image", d => d["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject().Remove("image"))),
        Gen.Constant(Invalid("a container named Bad_Name", d => d["spec"]!["template"]!["spec"]!["containers"]![0]!["name"] = "Bad_Name")),
        Gen.Constant(Invalid("a selector that does not match the template", d => d["spec"]!["selector"]!["matchLabels"]!["app"] = "other")),
        Gen.Constant(Invalid("an empty selector", d => d["spec"]!["selector"] = new JsonObject())),
        Gen.Constant(Invalid("a label key with a space", d => d["metadata"]!["labels"]!["a b"] = "c")),
        Gen.Constant(Invalid("restartPolicy Never", d => d["spec"]!["template"]!["spec"]!["restartPolicy"] = "Never")),
        Gen.Constant(Invalid("maxSurge and maxUnavailable both 0", d => d["spec"]!["strategy"] = JsonNode.Parse("""{"type":"RollingUpdate","rollingUpdate":{"maxSurge":0,"maxUnavailable":0}}"""))),
        Gen.Constant(Invalid("container port 70000", d => d["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"] = JsonNode.Parse("""[{"containerPort":70000}]"""))),
        Gen.Elements("""{"type":"Frob","ports":[{"port":80}]}""", """{"ports":[{"port":0}]}""", """{"type":"NodePort","ports":[{"port":80,"nodePort":80}]}""", """{"ports":[]}""")
            .Select(spec => MalformedBodies.Create($"Service spec {spec}", Utf8(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Service", ["metadata"] = new JsonObject { ["name"] = "probe" }, ["spec"] = JsonNode.Parse(spec) }), Json, 422, Services)));

    /// <summary>Annotations over 256 KiB together (422), and bodies over 3 MiB (413), sent with a length or chunked.</summary>
    public static readonly Gen<HostileRequest> TooMuch = Gen.OneOf(
        from size in Gen.Choose(AnnotationsLimit + 1, 2 * 1024 * 1024)
        from keys in Gen.Choose(1, 8)
        select Invalid($"annotations of {size} bytes in {keys} keys", d => d["metadata"]!["annotations"] = Annotations(size, keys)),
        from size in Gen.Choose(BodyLimit + 1, BodyLimit + (1024 * 1024))
        from chunked in Gen.Elements(false, true)
        select MalformedBodies.Create($"a body of {size} bytes", Padded(size), Json, 413) with { Chunked = chunked },
        Gen.Constant(0).Select(_ => MalformedBodies.Create("a 20 MB annotation", TwentyMegabytes.Value, Json, 413)));

    /// <summary>Writes that name a namespace that does not exist, or a name or namespace the URL contradicts.</summary>
    public static readonly Gen<HostileRequest> WrongPlace = Gen.OneOf(
        Gen.Elements("nope", "missing", "gone-1").Select(ns => MalformedBodies.Create($"a create in namespace {ns}", Utf8(Deployment("probe")), Json, 404, $"/apis/apps/v1/namespaces/{ns}/deployments")),
        Gen.Constant(new HostileRequest("a replace in a missing namespace", HttpMethod.Put, "/apis/apps/v1/namespaces/nope/deployments/web", Utf8(Deployment("web")), Json, [404])),
        Gen.Elements("other", "web2", "probe").Select(name => new HostileRequest($"a replace of web named {name}", HttpMethod.Put, Web, Utf8(Deployment(name)), Json, [400])),
        Gen.Constant(MalformedBodies.Create("a create whose namespace is not the path's", Utf8(Probe(d => d["metadata"]!["namespace"] = "kube-system")), Json)),
        Gen.Constant(new HostileRequest("a replace with a stale resourceVersion", HttpMethod.Put, Web, Utf8(Probe(d =>
        {
            d["metadata"] = new JsonObject { ["name"] = "web", ["resourceVersion"] = "1", ["labels"] = new JsonObject { ["app"] = "web" } };
            d["spec"]!["selector"]!["matchLabels"]!["app"] = "web";
            d["spec"]!["template"]!["metadata"]!["labels"]!["app"] = "web";
        })), Json, [409])));

    private static HostileRequest Invalid(string @case, Action<JsonObject> spoil) =>
        MalformedBodies.Create(@case, Utf8(Probe(spoil)), Json, 422);

    private static JsonObject Annotations(int size, int keys)
    {
        var annotations = new JsonObject();
        for (var i = 0; i < keys; i++)
        {
            annotations[$"example.com/a{i}"] = new string('x', (size / keys) + 1);
        }

        return annotations;
    }

    /// <summary>A valid Deployment padded with spaces to exactly <paramref name="size"/> bytes: only its size is wrong.</summary>
    private static byte[] Padded(int size)
    {
        var body = Utf8(Deployment("probe"));
        var padded = new byte[size];
        Array.Fill(padded, (byte)' ');
        body.CopyTo(padded, 0);
        return padded;
    }
}
