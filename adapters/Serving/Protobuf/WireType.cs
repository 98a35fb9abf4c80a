namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>The protobuf wire types, the low three bits of every field tag.</summary>
/// <remarks>
/// Groups (wire types 3 and 4) are a deprecated proto2 feature no Kubernetes message uses, and 6 and 7 are undefined,
/// so <see cref="WireReader"/> refuses all four rather than guessing how far they reach.
/// </remarks>
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    Fixed32 = 5,
}
