namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>One field of a protobuf message: its number, its JSON name, what it holds, how often, and whether zero counts.</summary>
/// <remarks>
/// <para>
/// Go's generated marshallers write every value-typed field, set or not, so kubectl sends <c>""</c>, <c>0</c> and
/// <c>false</c> for everything it left alone. A zero scalar therefore means "unset" and is left out of the JSON, which is
/// what the JSON form of the same object shows for its <c>omitempty</c> fields.
/// </para>
/// <para>
/// <see cref="KeepsZero"/> marks the exceptions. A Go pointer field (<c>*int32 replicas</c>, <c>*bool suspend</c>,
/// <c>*IntOrString maxSurge</c>) is written only when set, so its presence is the fact and <c>replicas: 0</c> must stay
/// <c>0</c>. A few value fields without <c>omitempty</c> (PriorityClass <c>value</c>) mean something at zero too.
/// </para>
/// </remarks>
internal sealed record FieldSchema(int Number, string JsonName, FieldKind Kind, FieldShape Shape, MessageSchema? Message, bool KeepsZero)
{
    /// <summary>The wire type every occurrence of this field must have: varint for numbers and booleans, else length-delimited.</summary>
    public WireType WireType => Kind is FieldKind.Int32 or FieldKind.Int64 or FieldKind.Bool ? WireType.Varint : WireType.LengthDelimited;
}
