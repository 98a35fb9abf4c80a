using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using KubeKernel.Adapters.Manifests;
using YamlDotNet.Core;

namespace KubeKernel.Adapters.Serving.Api;

/// <summary>Reads a request body into an object of the request's resource, as kube-apiserver's decoder does, with its error messages.</summary>
internal static class ObjectDecoder
{
    /// <summary>Parses JSON, or YAML when the body is not JSON (<c>application/yaml</c>, an apply patch written as YAML).</summary>
    public static (JsonNode? Node, string? Error) Parse(string text)
    {
        try
        {
            return (JsonNode.Parse(text), null);
        }
        catch (JsonException json) when (!LooksLikeJson(text))
        {
            try
            {
                if (YamlLimits.Problem(text) is { } problem)
                {
                    return (null, problem);
                }

                var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object?>(text);
                var asJson = new YamlDotNet.Serialization.SerializerBuilder().JsonCompatible().Build().Serialize(yaml);
                return (JsonNode.Parse(asJson), null);
            }
            catch (YamlException)
            {
                return (null, json.Message);
            }
        }
        catch (JsonException json)
        {
            return (null, Brief(json));
        }
        catch (ArgumentException duplicate)
        {
            // JsonObject refuses a repeated key; kube-apiserver's strict decoding refuses it too.
            return (null, duplicate.Message);
        }
    }

    /// <summary>
    /// The object a body describes, checked against the resource of the request: its kind and version, its namespace and
    /// name where the path has one, and (under <paramref name="validation"/>) unknown fields.
    /// </summary>
    public static DecodedObject Decode(JsonNode? node, ApiResource resource, string @namespace, string name, FieldValidation validation)
    {
        var info = resource.Info;
        if (node is not JsonObject body)
        {
            return DecodedObject.Failed(StatusBody.Failure(400, "BadRequest", $"the object provided is unrecognized (must be of type {info.Kind}): couldn't get version/kind; json parse error: the body is not a JSON object"));
        }

        var apiVersion = Scalar(body, "apiVersion") ?? info.ApiVersion;
        var kind = Scalar(body, "kind") ?? info.Kind;
        if (apiVersion != info.ApiVersion || kind != info.Kind)
        {
            return DecodedObject.Failed(StatusBody.Failure(400, "BadRequest", $"the API version in the data ({apiVersion}) does not match the expected API version ({info.ApiVersion})"
                + (kind != info.Kind ? $", or the kind ({kind}) is not {info.Kind}" : string.Empty)));
        }

        body["apiVersion"] = info.ApiVersion;
        body["kind"] = info.Kind;
        var cannotHandle = $"{info.Kind} in version \"{info.Version}\" cannot be handled as a {info.Kind}";
        var type = ManifestReader.WireType(info.ApiVersion, info.Kind)!;
        object? wire;
        try
        {
            wire = WireCodec.Deserialize(body.ToJsonString(), type);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is JsonException or FormatException or InvalidOperationException)
        {
            return DecodedObject.Failed(StatusBody.Failure(400, "BadRequest", $"{cannotHandle}: {Brief(e.InnerException!)}"));
        }

        if (wire is null)
        {
            return DecodedObject.Failed(StatusBody.Failure(400, "BadRequest", $"{cannotHandle}: the body is empty"));
        }

        var typed = WireCodec.ToNode(wire);
        var warnings = new List<string>();
        var unknown = validation == FieldValidation.Ignore ? [] : UnknownFields.Find(body, typed);
        if (unknown.Count > 0)
        {
            if (validation == FieldValidation.Strict)
            {
                return DecodedObject.Failed(StatusBody.Failure(400, "BadRequest", $"{cannotHandle}: strict decoding error: {string.Join(", ", unknown.Select(f => $"unknown field \"{f}\""))}"));
            }

            warnings.AddRange(unknown.Select(f => $"unknown field \"{f}\""));
        }

        var meta = typed["metadata"] as JsonObject;
        var objectNamespace = meta?["namespace"]?.GetValue<string>() ?? string.Empty;
        if (info.Namespaced && @namespace.Length > 0 && objectNamespace.Length > 0 && objectNamespace != @namespace)
        {
            return DecodedObject.Failed(StatusBody.Failure(400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request"));
        }

        var objectName = meta?["name"]?.GetValue<string>() ?? string.Empty;
        if (name.Length > 0 && objectName.Length > 0 && objectName != name)
        {
            return DecodedObject.Failed(StatusBody.Failure(400, "BadRequest", $"the name of the object ({objectName}) does not match the name on the URL ({name})"));
        }

        try
        {
            // The stored mapping keeps status and resourceVersion: a PUT's precondition and a status update need them.
            var obj = WireToKernel.MapStored(wire);
            var metadata = obj.Metadata with
            {
                Namespace = info.Namespaced ? (objectNamespace.Length > 0 ? objectNamespace : @namespace) : string.Empty,
                Name = objectName.Length > 0 ? objectName : name,
            };
            return new DecodedObject(obj with { Metadata = metadata }, typed, null, warnings);
        }
        catch (ManifestException e)
        {
            var displayName = objectName.Length > 0 ? objectName : name;
            return DecodedObject.Failed(StatusBody.Failure(422, "Invalid", $"{info.QualifiedKind} \"{displayName}\" is invalid: {e.Message}", resource, displayName, [e.Message]));
        }
    }

    public static FieldValidation Validation(string? query) => query switch
    {
        "Ignore" => FieldValidation.Ignore,
        "Warn" => FieldValidation.Warn,
        // An absent parameter is Strict only when kubectl asks for it; kube-apiserver's own default for a bare request is Warn.
        null or "" => FieldValidation.Warn,
        _ => FieldValidation.Strict,
    };

    private static string? Scalar(JsonObject body, string name) => body[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static bool LooksLikeJson(string text) => text.TrimStart() is { Length: > 0 } t && t[0] is '{' or '[';

    /// <summary>A decoding error in one line without .NET's type names: where it happened and what was wrong.</summary>
    private static string Brief(Exception e) => e is JsonException json
        ? $"json: cannot unmarshal the value at {json.Path ?? "$"}" + (json.LineNumber is { } line ? $" (line {line + 1}, column {json.BytePositionInLine + 1})" : string.Empty)
        : "the body is not valid for this kind";
}
