using System.Text;

namespace KubeKernel.Properties.Serving.Protobuf;

/// <summary>A minimal protobuf writer for test bodies: fields come out in the order written, as Go's marshallers emit them.</summary>
internal sealed class ProtoWriter
{
    private readonly List<byte> bytes = [];

    public ProtoWriter Varint(int field, ulong value)
    {
        Tag(field, 0);
        Raw(value);
        return this;
    }

    public ProtoWriter Int(int field, long value) => Varint(field, unchecked((ulong)value));

    public ProtoWriter Bool(int field, bool value) => Varint(field, value ? 1UL : 0UL);

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Bytes(int field, byte[] payload)
    {
        Tag(field, 2);
        Raw((ulong)payload.Length);
        bytes.AddRange(payload);
        return this;
    }

    public ProtoWriter Message(int field, Action<ProtoWriter> build)
    {
        var inner = new ProtoWriter();
        build(inner);
        return Bytes(field, inner.ToArray());
    }

    /// <summary>A <c>map&lt;string, string&gt;</c> entry.</summary>
    public ProtoWriter Entry(int field, string key, string value) => Message(field, e => e.String(1, key).String(2, value));

    /// <summary>Appends bytes as they are, for tags and lengths a test wants to get wrong on purpose.</summary>
    public ProtoWriter Append(params byte[] raw)
    {
        bytes.AddRange(raw);
        return this;
    }

    public byte[] ToArray() => [.. bytes];

    public void Tag(int field, int wireType) => Raw(((ulong)field << 3) | (uint)wireType);

    private void Raw(ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }
}
