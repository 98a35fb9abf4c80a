using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>The apimachinery messages that are scalars in JSON: Time, Quantity and IntOrString.</summary>
/// <remarks>
/// Each returns the JSON value and whether it is the Go zero value, which a value-typed field leaves out
/// (see <see cref="FieldSchema"/>). Unknown fields inside them are skipped, like everywhere else.
/// </remarks>
internal static class ScalarMessages
{
    /// <summary>0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in Unix seconds: the range Time allows and .NET can print.</summary>
    private const long MinSeconds = -62135596800, MaxSeconds = 253402300799;

    /// <summary>meta/v1 Time <c>{1: seconds, 2: nanos}</c> as the RFC 3339 string its JSON form uses.</summary>
    /// <remarks>
    /// Go marshals a zero Time as an empty message and reads an empty message back as zero, so empty means unset
    /// (JSON <c>null</c>), while <c>{1: 0}</c> is the Unix epoch. The apiserver drops the nanos when it reads a Time and
    /// prints whole seconds in UTC, so the nanos are read and ignored here too.
    /// </remarks>
    public static (JsonNode? Value, bool IsZero) Time(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return (null, true);
        }

        long seconds = 0;
        var reader = new WireReader(bytes);
        while (!reader.AtEnd)
        {
            var (number, type) = reader.ReadTag();
            if (number == 1 && WireReader.Expect(type, WireType.Varint, "Time", "seconds"))
            {
                seconds = unchecked((long)reader.ReadVarint());
            }
            else
            {
                reader.Skip(type);
            }
        }

        if (seconds is < MinSeconds or > MaxSeconds)
        {
            throw new ProtobufException($"a time of {seconds} seconds since 1970 is outside the years 0001 to 9999");
        }

        var text = DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return (text, false);
    }

    /// <summary>resource.Quantity <c>{1: string}</c> as its string.</summary>
    /// <remarks>
    /// Go always writes a Quantity's string, <c>"0"</c> for a zero one, and its JSON form never leaves a Quantity out, so
    /// a Quantity is never "unset". A message without the string reads as zero, <c>"0"</c>, as in Go.
    /// </remarks>
    public static (JsonNode? Value, bool IsZero) Quantity(ReadOnlySpan<byte> bytes)
    {
        var text = "0";
        var reader = new WireReader(bytes);
        while (!reader.AtEnd)
        {
            var (number, type) = reader.ReadTag();
            if (number == 1 && WireReader.Expect(type, WireType.LengthDelimited, "Quantity", "string"))
            {
                text = reader.ReadString();
            }
            else
            {
                reader.Skip(type);
            }
        }

        return (text, false);
    }

    /// <summary>intstr.IntOrString <c>{1: type, 2: intVal, 3: strVal}</c> as a JSON number (type 0) or string (type 1).</summary>
    /// <remarks>The Go zero value is the number 0, which a value-typed field such as <c>targetPort</c> leaves out.</remarks>
    public static (JsonNode? Value, bool IsZero) IntOrString(ReadOnlySpan<byte> bytes)
    {
        long kind = 0;
        var intVal = 0;
        var strVal = "";
        var reader = new WireReader(bytes);
        while (!reader.AtEnd)
        {
            var (number, type) = reader.ReadTag();
            switch (number)
            {
                case 1 when WireReader.Expect(type, WireType.Varint, "IntOrString", "type"):
                    kind = unchecked((long)reader.ReadVarint());
                    break;
                case 2 when WireReader.Expect(type, WireType.Varint, "IntOrString", "intVal"):
                    intVal = unchecked((int)reader.ReadVarint());
                    break;
                case 3 when WireReader.Expect(type, WireType.LengthDelimited, "IntOrString", "strVal"):
                    strVal = reader.ReadString();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        return kind switch
        {
            0 => (intVal, intVal == 0),
            1 => (strVal, false),
            _ => throw new ProtobufException($"an IntOrString has type {kind}; only 0 (a number) and 1 (a string) exist"),
        };
    }
}
