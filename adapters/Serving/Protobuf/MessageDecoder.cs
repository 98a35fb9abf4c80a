using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>Decodes a protobuf message into a JSON object, field by field, as its <see cref="MessageSchema"/> says.</summary>
/// <remarks>
/// Fields without a schema entry are skipped, so a newer kubectl's fields do not break the server. A present message
/// always becomes an object, even an empty one: Go's JSON encoder never leaves a struct out, which is why the JSON form
/// of <c>kubectl create deployment</c> carries <c>"resources":{}</c>, <c>"strategy":{}</c> and <c>"status":{}</c>.
/// Scalars follow the zero rule of <see cref="FieldSchema"/>.
/// </remarks>
internal static class MessageDecoder
{
    public static void DecodeInto(ReadOnlySpan<byte> bytes, MessageSchema schema, JsonObject target)
    {
        var reader = new WireReader(bytes);
        while (!reader.AtEnd)
        {
            var (number, type) = reader.ReadTag();
            if (!schema.Fields.TryGetValue(number, out var field))
            {
                reader.Skip(type);
                continue;
            }

            WireReader.Expect(type, field.WireType, schema.Name, $"{number} ({field.JsonName})");
            switch (field.Shape)
            {
                case FieldShape.Inline:
                    DecodeInto(reader.ReadLengthDelimited(), field.Message!, target);
                    break;
                case FieldShape.Single when field.Kind == FieldKind.Message:
                    DecodeInto(reader.ReadLengthDelimited(), field.Message!, ObjectAt(target, field.JsonName));
                    break;
                case FieldShape.Single:
                    var (value, isZero) = ReadValue(ref reader, field);
                    if (isZero && !field.KeepsZero)
                    {
                        target.Remove(field.JsonName);
                    }
                    else
                    {
                        target[field.JsonName] = value;
                    }

                    break;
                case FieldShape.Repeated:
                    ArrayAt(target, field.JsonName).Add(ReadValue(ref reader, field).Value);
                    break;
                case FieldShape.Map:
                    var (key, entry) = ReadEntry(reader.ReadLengthDelimited(), field, schema);
                    ObjectAt(target, field.JsonName)[key] = entry;
                    break;
            }
        }
    }

    /// <summary>One value of a field, and whether it is its kind's zero.</summary>
    private static (JsonNode? Value, bool IsZero) ReadValue(ref WireReader reader, FieldSchema field)
    {
        switch (field.Kind)
        {
            case FieldKind.String:
                var text = reader.ReadString();
                return (text, text.Length == 0);
            case FieldKind.Int32:
                var small = unchecked((int)reader.ReadVarint());
                return (small, small == 0);
            case FieldKind.Int64:
                var large = unchecked((long)reader.ReadVarint());
                return (large, large == 0);
            case FieldKind.Bool:
                var flag = reader.ReadVarint() != 0;
                return (flag, !flag);
            case FieldKind.Bytes:
                var bytes = reader.ReadLengthDelimited();
                return (Convert.ToBase64String(bytes), bytes.Length == 0);
            case FieldKind.Time:
                return ScalarMessages.Time(reader.ReadLengthDelimited());
            case FieldKind.Quantity:
                return ScalarMessages.Quantity(reader.ReadLengthDelimited());
            case FieldKind.IntOrString:
                return ScalarMessages.IntOrString(reader.ReadLengthDelimited());
            default:
                var nested = new JsonObject();
                DecodeInto(reader.ReadLengthDelimited(), field.Message!, nested);
                return (nested, false);
        }
    }

    /// <summary>A map entry <c>{1: key, 2: value}</c>; a missing part is its zero, as protobuf defines.</summary>
    /// <remarks>Map values are strings (labels, selectors), bytes (a Secret's data) or Quantities (resources), whose zeros are "", "" and "0".</remarks>
    private static (string Key, JsonNode? Value) ReadEntry(ReadOnlySpan<byte> bytes, FieldSchema field, MessageSchema parent)
    {
        var key = "";
        JsonNode? value = null;
        var reader = new WireReader(bytes);
        while (!reader.AtEnd)
        {
            var (number, type) = reader.ReadTag();
            if (number == 1 && WireReader.Expect(type, WireType.LengthDelimited, parent.Name, $"{field.JsonName} key"))
            {
                key = reader.ReadString();
            }
            else if (number == 2 && WireReader.Expect(type, WireType.LengthDelimited, parent.Name, $"{field.JsonName}[{key}]"))
            {
                value = ReadValue(ref reader, field).Value;
            }
            else
            {
                reader.Skip(type);
            }
        }

        return (key, value ?? (field.Kind == FieldKind.Quantity ? ScalarMessages.Quantity([]).Value : ""));
    }

    private static JsonObject ObjectAt(JsonObject target, string name)
    {
        if (target[name] is not JsonObject found)
        {
            found = [];
            target[name] = found;
        }

        return found;
    }

    private static JsonArray ArrayAt(JsonObject target, string name)
    {
        if (target[name] is not JsonArray found)
        {
            found = [];
            target[name] = found;
        }

        return found;
    }
}
