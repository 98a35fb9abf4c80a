namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>Short constructors for <see cref="FieldSchema"/>, so each schema reads like its generated.proto message.</summary>
internal static class Field
{
    public static FieldSchema String(int number, string json, bool keepsZero = false) =>
        new(number, json, FieldKind.String, FieldShape.Single, null, keepsZero);

    public static FieldSchema Int32(int number, string json, bool keepsZero = false) =>
        new(number, json, FieldKind.Int32, FieldShape.Single, null, keepsZero);

    public static FieldSchema Int64(int number, string json, bool keepsZero = false) =>
        new(number, json, FieldKind.Int64, FieldShape.Single, null, keepsZero);

    public static FieldSchema Bool(int number, string json, bool keepsZero = false) =>
        new(number, json, FieldKind.Bool, FieldShape.Single, null, keepsZero);

    public static FieldSchema Time(int number, string json) =>
        new(number, json, FieldKind.Time, FieldShape.Single, null, false);

    public static FieldSchema Quantity(int number, string json) =>
        new(number, json, FieldKind.Quantity, FieldShape.Single, null, false);

    public static FieldSchema IntOrString(int number, string json, bool keepsZero = false) =>
        new(number, json, FieldKind.IntOrString, FieldShape.Single, null, keepsZero);

    public static FieldSchema Message(int number, string json, MessageSchema schema) =>
        new(number, json, FieldKind.Message, FieldShape.Single, schema, false);

    public static FieldSchema Strings(int number, string json) =>
        new(number, json, FieldKind.String, FieldShape.Repeated, null, false);

    public static FieldSchema Messages(int number, string json, MessageSchema schema) =>
        new(number, json, FieldKind.Message, FieldShape.Repeated, schema, false);

    public static FieldSchema StringMap(int number, string json) =>
        new(number, json, FieldKind.String, FieldShape.Map, null, false);

    public static FieldSchema BytesMap(int number, string json) =>
        new(number, json, FieldKind.Bytes, FieldShape.Map, null, false);

    public static FieldSchema QuantityMap(int number, string json) =>
        new(number, json, FieldKind.Quantity, FieldShape.Map, null, false);

    /// <summary>An embedded Go struct whose fields appear in the parent's JSON object; its JSON name is only for messages.</summary>
    public static FieldSchema Inline(int number, MessageSchema schema) =>
        new(number, schema.Name, FieldKind.Message, FieldShape.Inline, schema, false);
}
