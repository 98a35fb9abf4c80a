namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>runtime.Unknown, the envelope after the magic prefix: which kind the object is, and its message bytes.</summary>
/// <remarks>
/// Fields (apimachinery runtime/generated.proto): 1 TypeMeta <c>{1: apiVersion, 2: kind}</c>, 2 raw, 3 contentEncoding,
/// 4 contentType. kubectl sends 3 and 4 empty; anything else would be a second encoding inside this one, which no client
/// sends, so it is refused rather than misread.
/// </remarks>
internal readonly ref struct UnknownEnvelope
{
    private UnknownEnvelope(string apiVersion, string kind, ReadOnlySpan<byte> raw)
    {
        ApiVersion = apiVersion;
        Kind = kind;
        Raw = raw;
    }

    public string ApiVersion { get; }

    public string Kind { get; }

    /// <summary>The object's own message, such as k8s.io.api.apps.v1.Deployment.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    public static UnknownEnvelope Read(ReadOnlySpan<byte> bytes)
    {
        string apiVersion = "", kind = "", encoding = "", contentType = "";
        ReadOnlySpan<byte> raw = default;
        var hasRaw = false;
        var reader = new WireReader(bytes);
        while (!reader.AtEnd)
        {
            var (number, type) = reader.ReadTag();
            switch (number)
            {
                case 1 when WireReader.Expect(type, WireType.LengthDelimited, "Unknown", "typeMeta"):
                    (apiVersion, kind) = ReadTypeMeta(reader.ReadLengthDelimited());
                    break;
                case 2 when WireReader.Expect(type, WireType.LengthDelimited, "Unknown", "raw"):
                    raw = reader.ReadLengthDelimited();
                    hasRaw = true;
                    break;
                case 3 when WireReader.Expect(type, WireType.LengthDelimited, "Unknown", "contentEncoding"):
                    encoding = reader.ReadString();
                    break;
                case 4 when WireReader.Expect(type, WireType.LengthDelimited, "Unknown", "contentType"):
                    contentType = reader.ReadString();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        if (apiVersion.Length == 0 || kind.Length == 0)
        {
            throw new ProtobufException("the body does not say which apiVersion and kind it carries");
        }

        if (!hasRaw)
        {
            throw new ProtobufException($"the body names {kind} in {apiVersion} but carries no object");
        }

        if (encoding.Length != 0 || contentType is not ("" or ProtobufBody.ContentType))
        {
            throw new ProtobufException($"the object is wrapped in content encoding \"{encoding}\" and content type \"{contentType}\"; only plain protobuf is understood");
        }

        return new UnknownEnvelope(apiVersion, kind, raw);
    }

    private static (string ApiVersion, string Kind) ReadTypeMeta(ReadOnlySpan<byte> bytes)
    {
        string apiVersion = "", kind = "";
        var reader = new WireReader(bytes);
        while (!reader.AtEnd)
        {
            var (number, type) = reader.ReadTag();
            if (number == 1 && WireReader.Expect(type, WireType.LengthDelimited, "TypeMeta", "apiVersion"))
            {
                apiVersion = reader.ReadString();
            }
            else if (number == 2 && WireReader.Expect(type, WireType.LengthDelimited, "TypeMeta", "kind"))
            {
                kind = reader.ReadString();
            }
            else
            {
                reader.Skip(type);
            }
        }

        return (apiVersion, kind);
    }
}
