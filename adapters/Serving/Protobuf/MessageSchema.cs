using System.Collections.Frozen;

namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>The fields of one protobuf message by number, named as in Kubernetes' generated.proto files.</summary>
/// <remarks>
/// A schema lists only the fields this server understands; the decoder skips the others, so a message with no fields
/// (the status messages, which the server writes itself) still decodes to the empty object the JSON form shows.
/// </remarks>
internal sealed class MessageSchema
{
    public MessageSchema(string name, params FieldSchema[] fields)
    {
        Name = name;
        Fields = fields.ToFrozenDictionary(f => f.Number);
    }

    /// <summary>The message's name in generated.proto, for error messages.</summary>
    public string Name { get; }

    public FrozenDictionary<int, FieldSchema> Fields { get; }
}
