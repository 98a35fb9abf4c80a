namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>What one value of a field holds, on the wire and in JSON.</summary>
internal enum FieldKind
{
    /// <summary>A length-delimited UTF-8 string; a JSON string.</summary>
    String,

    /// <summary>A varint read as a signed 32-bit number; a JSON number.</summary>
    Int32,

    /// <summary>A varint read as a signed 64-bit number; a JSON number.</summary>
    Int64,

    /// <summary>A varint, true when not zero; a JSON boolean.</summary>
    Bool,

    /// <summary>Length-delimited raw bytes (a Secret's data); a base64 JSON string, as Go's <c>[]byte</c> marshals.</summary>
    Bytes,

    /// <summary>A nested message with its own <see cref="MessageSchema"/>; a JSON object.</summary>
    Message,

    /// <summary>meta/v1 Time <c>{1: seconds, 2: nanos}</c>; an RFC 3339 string (see <see cref="ScalarMessages"/>).</summary>
    Time,

    /// <summary>resource.Quantity <c>{1: string}</c>; a JSON string such as <c>"100m"</c>.</summary>
    Quantity,

    /// <summary>intstr.IntOrString <c>{1: type, 2: intVal, 3: strVal}</c>; a JSON number or string.</summary>
    IntOrString,
}
