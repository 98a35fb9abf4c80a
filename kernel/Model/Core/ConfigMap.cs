using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A ConfigMap: non-secret configuration as key/value pairs that pods read as environment variables or files.</summary>
/// <remarks>
/// Keys of <see cref="Data"/> and <see cref="BinaryData"/> together are unique and match <c>[-._a-zA-Z0-9]+</c>; all
/// values together are at most 1 MiB. Once <see cref="Immutable"/> is true neither the data nor the flag may change.
/// </remarks>
/// <param name="Metadata">The ConfigMap's metadata; pods name it in <c>configMapKeyRef</c>, <c>configMapRef</c> and <c>configMap</c> volumes.</param>
/// <param name="Data"><c>data</c>: UTF-8 values by key.</param>
/// <param name="BinaryData"><c>binaryData</c>: binary values by key, base64-encoded as the JSON form shows them.</param>
/// <param name="Immutable"><c>immutable</c>: true forbids any later change of the data.</param>
public sealed record ConfigMap(
    ObjectMeta Metadata,
    ValueMap<string, string> Data = default,
    ValueMap<string, string> BinaryData = default,
    bool? Immutable = null) : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.ConfigMap;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.ConfigMap;

    /// <summary>Null: a ConfigMap has no spec, so its generation never changes.</summary>
    public override object? SpecValue => null;

    /// <summary>This ConfigMap unchanged: it has no status.</summary>
    public override KubeObject WithStatusOf(KubeObject source) => this;
}
