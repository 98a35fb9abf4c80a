using System.Text;

namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>Reads the protobuf wire format from a span: field tags, varints and length-delimited payloads.</summary>
/// <remarks>
/// Every read checks its bounds first and throws <see cref="ProtobufException"/> when the bytes run out, so no input can
/// make it read past the end or throw anything else.
/// </remarks>
internal ref struct WireReader
{
    /// <summary>The largest field number protobuf allows (2^29 - 1).</summary>
    private const ulong MaxFieldNumber = (1 << 29) - 1;

    private readonly ReadOnlySpan<byte> bytes;
    private int position;

    public WireReader(ReadOnlySpan<byte> bytes) => this.bytes = bytes;

    public readonly bool AtEnd => position == bytes.Length;

    public (int Number, WireType Type) ReadTag()
    {
        var tag = ReadVarint();
        var number = tag >> 3;
        if (number is 0 or > MaxFieldNumber)
        {
            throw new ProtobufException($"a field number of {number} is outside 1 to {MaxFieldNumber}");
        }

        var type = (int)(tag & 7);
        if (type is not (0 or 1 or 2 or 5))
        {
            throw new ProtobufException($"field {number} has wire type {type}, a group or an undefined type, which no Kubernetes message uses");
        }

        return ((int)number, (WireType)type);
    }

    /// <summary>Reads a base-128 varint of at most ten bytes.</summary>
    /// <remarks>Bits past the 64th are dropped, as Go's generated Kubernetes decoders drop them.</remarks>
    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position == bytes.Length)
            {
                throw new ProtobufException("a number runs past the end of the message");
            }

            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new ProtobufException("a number is longer than ten bytes");
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        var left = (ulong)(bytes.Length - position);
        if (length > left)
        {
            throw new ProtobufException($"a length of {length} bytes runs past the end of the message, which has {left} left");
        }

        var payload = bytes.Slice(position, (int)length);
        position += (int)length;
        return payload;
    }

    /// <summary>Reads a length-delimited string.</summary>
    /// <remarks>
    /// Invalid UTF-8 becomes U+FFFD instead of an error: Go keeps such bytes in a string and its JSON encoder writes them
    /// as U+FFFD, so this is what the same object looks like in JSON.
    /// </remarks>
    public string ReadString() => Encoding.UTF8.GetString(ReadLengthDelimited());

    /// <summary>Skips a field this decoder has no schema for, so newer clients' fields do not break older servers.</summary>
    public void Skip(WireType type)
    {
        switch (type)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.LengthDelimited:
                ReadLengthDelimited();
                break;
            default:
                Advance(type == WireType.Fixed64 ? 8 : 4);
                break;
        }
    }

    /// <summary>True when <paramref name="actual"/> is the wire type the field needs; otherwise the body is malformed.</summary>
    public static bool Expect(WireType actual, WireType expected, string message, string field) =>
        actual == expected
            ? true
            : throw new ProtobufException($"field {field} of {message} should be {Describe(expected)} but is {Describe(actual)}");

    private static string Describe(WireType type) => type switch
    {
        WireType.Varint => "a varint",
        WireType.LengthDelimited => "length-delimited",
        WireType.Fixed64 => "a fixed 64-bit value",
        _ => "a fixed 32-bit value",
    };

    private void Advance(int count)
    {
        if (bytes.Length - position < count)
        {
            throw new ProtobufException($"a fixed-size value of {count} bytes runs past the end of the message");
        }

        position += count;
    }
}
