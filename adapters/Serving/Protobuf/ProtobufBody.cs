using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>Decodes a Kubernetes protobuf request body into the JSON object the same request carries as JSON.</summary>
/// <remarks>
/// kubectl 1.32 and later send <c>kubectl create deployment</c> (and the other typed create commands) as
/// <c>application/vnd.kubernetes.protobuf</c>, and a 415 is not retried as JSON, so the server decodes the body itself:
/// the magic <c>k8s\0</c>, then a runtime.Unknown naming the kind, then the object's message, decoded by that kind's
/// schema. The result has <c>apiVersion</c> and <c>kind</c> first and then the object's fields, as a JSON body does,
/// except that unset fields are absent rather than <c>null</c> (<c>creationTimestamp</c>).
/// </remarks>
internal static class ProtobufBody
{
    /// <summary>The content type of such a body, and the only one runtime.Unknown may name inside it.</summary>
    public const string ContentType = "application/vnd.kubernetes.protobuf";

    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    /// <summary>Decodes <paramref name="body"/>; throws <see cref="ProtobufException"/>, and nothing else, when it is malformed.</summary>
    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw new ProtobufException("the body does not start with the Kubernetes protobuf prefix \"k8s\\0\"");
        }

        var envelope = UnknownEnvelope.Read(body[Magic.Length..]);
        var schema = KindSchemas.Find(envelope.ApiVersion, envelope.Kind)
            ?? throw new ProtobufException($"{envelope.Kind} in {envelope.ApiVersion} cannot be read from protobuf here; send it as JSON");

        var json = new JsonObject { ["apiVersion"] = envelope.ApiVersion, ["kind"] = envelope.Kind };
        MessageDecoder.DecodeInto(envelope.Raw, schema, json);
        return json;
    }
}
