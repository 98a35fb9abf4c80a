using KubeKernel.Collections;

namespace KubeKernel.Model;

/// <summary>A Secret: sensitive key/value data (passwords, tokens, keys) that pods read as environment variables or files.</summary>
/// <remarks>
/// <see cref="StringData"/> is write-only: the API server merges it into <see cref="Data"/> (overwriting equal keys) before
/// validation, so a stored Secret never has any. Keys match <c>[-._a-zA-Z0-9]+</c>; all values together are at most 1 MiB.
/// </remarks>
/// <param name="Metadata">The Secret's metadata; pods name it in <c>secretKeyRef</c>, <c>secretRef</c> and <c>secret</c> volumes.</param>
/// <param name="Data"><c>data</c>: values by key, base64-encoded as the JSON form shows them.</param>
/// <param name="Type"><c>type</c>: <c>Opaque</c> by default; the <c>kubernetes.io/…</c> types require certain keys. It never changes.</param>
/// <param name="Immutable"><c>immutable</c>: true forbids any later change of the data.</param>
/// <param name="StringData"><c>stringData</c>: plain-text values a client writes; merged into <see cref="Data"/> on write.</param>
public sealed record Secret(
    ObjectMeta Metadata,
    ValueMap<string, string> Data = default,
    string? Type = null,
    bool? Immutable = null,
    ValueMap<string, string> StringData = default) : KubeObject(Metadata), IKind
{
    /// <summary>The default <c>type</c>: arbitrary user data.</summary>
    public const string OpaqueType = "Opaque";

    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.Secret;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.Secret;

    /// <summary>Null: a Secret has no spec, so its generation never changes.</summary>
    public override object? SpecValue => null;

    /// <summary>This Secret unchanged: it has no status.</summary>
    public override KubeObject WithStatusOf(KubeObject source) => this;
}
