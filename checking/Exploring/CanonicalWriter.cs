using System.Collections;
using System.IO.Hashing;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using KubeKernel.Model;

namespace KubeKernel.Exploring;

/// <summary>Writes a value's canonical bytes for hashing: its data, field by field, with names renamed and identity noise left out.</summary>
/// <remarks>
/// Records are written by their auto-property fields in ordinal name order (the same on every machine), lists in order,
/// maps and sets as the sum of their entries' hashes (so insertion order never shows). Every string goes through
/// <see cref="Renames"/> (generated names, UIDs, node names and pod IPs to their canonical forms). Left out:
/// <see cref="ObjectMeta.ResourceVersion"/> — the store revision of an object's last write, which clients only compare
/// for equality against the object's own current value, so worlds whose writes happened in another order behave alike.
/// </remarks>
internal sealed class CanonicalWriter
{
    // Per writer, not shared: a writer belongs to one exploring worker, and the core holds no mutable statics.
    private readonly Dictionary<Type, Shape> shapes = [];

    private byte[] bytes = new byte[4096];
    private int length;

    /// <summary>A writer that renames by <paramref name="renames"/> (none: every string as it is).</summary>
    public CanonicalWriter(IReadOnlyDictionary<string, string>? renames = null) => Renames = renames ?? new Dictionary<string, string>(StringComparer.Ordinal);

    // Hashes of stored objects by reference, kept while the renaming of every object stays the same (see CachesObjects).
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<KubeObject, StrongBox<UInt128>> objectHashes = [];

    /// <summary>
    /// Whether the hashes of stored objects are kept by reference and reused: right only while an object's renaming never
    /// changes, as without symmetry (a UID always stands for the same object key).
    /// </summary>
    public bool CachesObjects { get; set; }

    /// <summary>What each string is written as, when it is a key here.</summary>
    public IReadOnlyDictionary<string, string> Renames { get; set; }

    /// <summary>The hash of the bytes written so far.</summary>
    public UInt128 Hash => XxHash128.HashToUInt128(bytes.AsSpan(0, length));

    /// <summary>Forgets the bytes written so far.</summary>
    public void Clear() => length = 0;

    /// <summary>The hash of <paramref name="value"/> alone, leaving what was written before as it was.</summary>
    public UInt128 HashOf(object? value)
    {
        var start = length;
        Write(value);
        var hash = XxHash128.HashToUInt128(bytes.AsSpan(start, length - start));
        length = start;
        return hash;
    }

    /// <summary>Writes a 64-bit number.</summary>
    public void Write(long value)
    {
        BitConverterWrite(value);
    }

    /// <summary>Writes a 128-bit number (a nested hash).</summary>
    public void Write(UInt128 value)
    {
        BitConverterWrite((long)(ulong)value);
        BitConverterWrite((long)(ulong)(value >> 64));
    }

    /// <summary>Writes a string, renamed when <see cref="Renames"/> says so.</summary>
    public void Write(string value)
    {
        if (Renames.TryGetValue(value, out var renamed))
        {
            value = renamed;
        }

        BitConverterWrite(value.Length);
        var chars = MemoryMarshal.AsBytes(value.AsSpan());
        chars.CopyTo(Room(chars.Length));
        length += chars.Length;
    }

    /// <summary>Writes any value of the model: records, lists, maps, strings, numbers, enums, null.</summary>
    public void Write(object? value)
    {
        if (value is null)
        {
            BitConverterWrite(-1);
            return;
        }

        var type = value.GetType();
        if (!shapes.TryGetValue(type, out var shape))
        {
            shapes[type] = shape = Shape.Of(type);
        }

        BitConverterWrite(shape.Tag);
        switch (shape.Kind)
        {
            case ShapeKind.String:
                Write((string)value);
                break;
            case ShapeKind.Number:
                BitConverterWrite(value is ulong large ? unchecked((long)large) : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ShapeKind.Text:
                Write(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                break;
            case ShapeKind.Unordered:
                WriteUnordered((IEnumerable)value);
                break;
            case ShapeKind.Ordered:
                foreach (var item in (IEnumerable)value)
                {
                    Write(item);
                }

                BitConverterWrite(-2);
                break;
            case ShapeKind.Pair:
                Write(shape.Fields[0].GetValue(value));
                Write(shape.Fields[1].GetValue(value));
                break;
            default:
                foreach (var field in shape.Fields)
                {
                    Write(field.GetValue(value));
                }

                break;
        }
    }

    /// <summary>Writes a collection as the sum of its items' hashes: the same whatever order they come in.</summary>
    public void WriteUnordered([OrderInsensitive] IEnumerable items)
    {
        UInt128 sum = 0;
        var count = 0;
        foreach (var item in items)
        {
            sum += CachesObjects && item is KubeObject stored ? objectHashes.GetValue(stored, o => new StrongBox<UInt128>(HashOf(o))).Value : HashOf(item);
            count++;
        }

        BitConverterWrite(count);
        Write(sum);
    }

    private Span<byte> Room(int count)
    {
        if (length + count > bytes.Length)
        {
            Array.Resize(ref bytes, Math.Max(bytes.Length * 2, length + count));
        }

        return bytes.AsSpan(length, count);
    }

    private void BitConverterWrite(long value)
    {
        BitConverter.TryWriteBytes(Room(8), value);
        length += 8;
    }

    private enum ShapeKind
    {
        String,
        Number,
        Text,
        Ordered,
        Unordered,
        Pair,
        Record,
    }

    /// <summary>How values of one type are written, found once per type by reflection.</summary>
    private sealed class Shape
    {
        private Shape(ShapeKind kind, long tag, FieldInfo[] fields)
        {
            Kind = kind;
            Tag = tag;
            Fields = fields;
        }

        public ShapeKind Kind { get; }

        /// <summary>A stable hash of the type's full name, so that records of different types with the same fields differ.</summary>
        public long Tag { get; }

        public FieldInfo[] Fields { get; }

        public static Shape Of(Type type)
        {
            var tag = (long)XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(type.FullName ?? type.Name));
            if (type == typeof(string))
            {
                return new(ShapeKind.String, tag, []);
            }

            if (type.IsEnum || type.IsPrimitive)
            {
                return new(type == typeof(double) || type == typeof(float) ? ShapeKind.Text : ShapeKind.Number, tag, []);
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
            {
                return new(ShapeKind.Pair, tag, [Field(type, "key"), Field(type, "value")]);
            }

            if (Implements(type, typeof(IReadOnlyDictionary<,>)) || Implements(type, typeof(IReadOnlySet<>)) || Implements(type, typeof(ISet<>)))
            {
                return new(ShapeKind.Unordered, tag, []);
            }

            if (typeof(IEnumerable).IsAssignableFrom(type))
            {
                return new(ShapeKind.Ordered, tag, []);
            }

            // Private fields of base records are declared there, so each type up the chain is asked for its own.
            var all = new List<FieldInfo>();
            for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
            {
                all.AddRange(declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
            }

            var properties = all.Where(f => f.Name.EndsWith(">k__BackingField", StringComparison.Ordinal)).ToArray();
            var fields = (properties.Length > 0 ? properties : [.. all])
                .Where(f => !(f.DeclaringType == typeof(ObjectMeta) && f.Name.Contains(nameof(ObjectMeta.ResourceVersion), StringComparison.Ordinal)))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .ToArray();
            return new(ShapeKind.Record, tag, fields);
        }

        private static FieldInfo Field(Type type, string name) => type.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)!;

        private static bool Implements(Type type, Type generic) =>
            type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic);
    }
}
