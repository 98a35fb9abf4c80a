using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Properties.Serving.Protobuf;
using static KubeKernel.Properties.Serving.Hostile.HostileObjects;

namespace KubeKernel.Properties.Serving.Hostile;

/// <summary>Creates whose body cannot be read: broken JSON, broken YAML, broken protobuf. kube-apiserver answers each 400.</summary>
internal static class MalformedBodies
{
    private const string Json = "application/json";
    private const string Yaml = "application/yaml";
    private const string Protobuf = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] Valid = Utf8(Deployment("probe"));

    /// <summary>Every strict prefix of a JSON object is broken JSON.</summary>
    public static readonly Gen<HostileRequest> TruncatedJson =
        from cut in Gen.Choose(1, Valid.Length - 1)
        select Create("truncated JSON", Valid[..cut], Json);

    /// <summary>Known fields with values of the wrong JSON type or out of the Go type's range.</summary>
    public static readonly Gen<HostileRequest> WrongTypes =
        from field in Gen.Elements<(string Case, Action<JsonObject, JsonNode?> Set)>(
            ("spec.replicas", (d, v) => d["spec"]!["replicas"] = v),
            ("metadata.name", (d, v) => d["metadata"]!["name"] = v),
            ("metadata.labels", (d, v) => d["metadata"]!["labels"] = v),
            ("metadata.labels.app", (d, v) => d["metadata"]!["labels"]!["app"] = v),
            ("spec.selector", (d, v) => d["spec"]!["selector"] = v),
            ("spec.template.spec.containers", (d, v) => d["spec"]!["template"]!["spec"]!["containers"] = v),
            ("spec.template.spec.containers[0]", (d, v) => d["spec"]!["template"]!["spec"]!["containers"]![0] = v),
            ("metadata", (d, v) => d["metadata"] = v),
            ("spec", (d, v) => d["spec"] = v))
        from value in Gen.Elements<Func<JsonNode?>>(
            () => JsonValue.Create("abc"),
            () => JsonValue.Create(true),
            () => new JsonArray(1, 2),
            () => JsonValue.Create(1.5),
            () => JsonValue.Create(2_147_483_648L),
            () => JsonValue.Create(-9_223_372_036_854_775_807L))
        where !(field.Case is "metadata.name" or "metadata.labels.app" && value() is JsonValue s && s.TryGetValue<string>(out _))
        select Create($"{field.Case} of the wrong type", Utf8(Probe(d => field.Set(d, value()))), Json);

    /// <summary>Numbers no Go or .NET integer holds: hundreds of digits, exponents past a double's range.</summary>
    public static readonly Gen<HostileRequest> HugeNumbers =
        from digits in Gen.Choose(20, 5000)
        from form in Gen.Elements("{0}", "-{0}", "1e{0}", "{0}.5")
        let number = string.Format(System.Globalization.CultureInfo.InvariantCulture, form, new string('9', digits))
        select Create("a huge number for spec.replicas", Utf8(Deployment("probe").ToJsonString().Replace("\"replicas\":1", $"\"replicas\":{number}", StringComparison.Ordinal)), Json);

    /// <summary>Objects or arrays nested far deeper than any decoder allows (System.Text.Json stops at 64, Go's at 10000).</summary>
    public static readonly Gen<HostileRequest> DeepNesting =
        from depth in Gen.Choose(65, 100_000)
        from open in Gen.Elements("{\"a\":", "[")
        let close = open == "[" ? "]" : "}"
        let nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth))
        select Create($"nested {depth} deep", Utf8($"{{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{{\"name\":\"probe\"}},\"spec\":{nested}}}"), Json);

    /// <summary>
    /// Bytes that are not UTF-8: in the name (decoders read them as U+FFFD, which no name allows), in a field name under
    /// Strict, or between tokens.
    /// </summary>
    public static readonly Gen<HostileRequest> InvalidUtf8 =
        from bad in Gen.Elements(new byte[] { 0xFF }, [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF])
        from place in Gen.Elements("name", "field", "token")
        select place switch
        {
            "name" => Create("invalid UTF-8 in the name", Splice(Valid, "\"probe\"", [(byte)'"', .. bad, (byte)'"']), Json, 422),
            "field" => Create("invalid UTF-8 in a field name", Splice(Valid, "\"replicas\"", [(byte)'"', .. bad, (byte)'"']), Json, path: Deployments + "?fieldValidation=Strict"),
            _ => Create("invalid UTF-8 between tokens", Splice(Valid, "\"kind\"", [.. bad, .. "\"kind\""u8]), Json),
        };

    /// <summary>YAML that does not parse, that is not an object, or that expands beyond any limit (an alias bomb).</summary>
    public static readonly Gen<HostileRequest> MalformedYaml =
        from text in Gen.Elements(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: [name, \n",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n\tname: probe\n",
            "apiVersion: apps/v1\nkind: Deployment: Service\n",
            "kind: Deployment\nkind: Service\n",
            "just a sentence",
            "- apiVersion: apps/v1\n- kind: Deployment\n",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: probe}\nspec: {replicas: abc}\n",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: *nowhere\n",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: !!binary not-base64\n",
            "%YAML 9.9\n---\nkind: Deployment\n",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \"unterminated\n",
            AliasBomb(9, 9),
            AliasBomb(30, 2))
        select Create("malformed YAML", Utf8(text), Yaml);

    /// <summary>YAML nested deeper than a JSON body may be, in block or flow style (the key first, so it does not look like JSON).</summary>
    public static readonly Gen<HostileRequest> DeepYaml =
        from depth in Gen.Choose(65, 2_000)
        from flow in Gen.Elements(true, false)
        let text = flow
            ? "spec: " + new string('[', depth) + new string(']', depth)
            : "spec:\n" + string.Concat(Enumerable.Range(1, depth).Select(i => new string(' ', i) + "-\n"))
        select Create($"YAML nested {depth} deep", Utf8(text), Yaml);

    /// <summary>Protobuf envelopes that do not decode: the decoder's own malformed cases, truncations, and garbage after the magic.</summary>
    public static readonly Gen<HostileRequest> MalformedProtobuf = Gen.OneOf(
        Gen.Elements(MalformedBodyTests.Cases.Select(c => (string)c[0]).ToArray())
            .Select(name => Create($"protobuf: {name}", (byte[])MalformedBodyTests.Cases.First(c => (string)c[0] == name)[1], Protobuf)),
        from cut in Gen.Choose(0, KubectlBodies.CreateDeployment().Length - 5) // the last 4 bytes are two empty strings after the object
        select Create("truncated protobuf", KubectlBodies.CreateDeployment()[..cut], Protobuf),
        from garbage in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
        select Create("garbage protobuf", [.. "k8s\0"u8, .. garbage], Protobuf));

    public static HostileRequest Create(string @case, byte[] body, string contentType, int code = 400, string path = Deployments) =>
        new(@case, HttpMethod.Post, path, body, contentType, [code]);

    /// <summary>The billion-laughs shape: each level a list of <paramref name="width"/> aliases of the one before.</summary>
    private static string AliasBomb(int levels, int width)
    {
        var yaml = new StringBuilder("apiVersion: apps/v1\nkind: Deployment\nl0: &l0 [\"lol\"]\n");
        for (var level = 1; level <= levels; level++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", width))}]\n");
        }

        return yaml.ToString();
    }

    private static byte[] Splice(byte[] body, string find, byte[] replacement)
    {
        var at = body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(find));
        return [.. body[..at], .. replacement, .. body[(at + find.Length)..]];
    }
}
