using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Tables;

/// <summary><c>GetPersistentVolumeClass</c> / <c>GetPersistentVolumeClaimClass</c>: the deprecated beta annotation wins over <c>storageClassName</c>.</summary>
internal static class StorageClassText
{
    public const string BetaAnnotation = "volume.beta.kubernetes.io/storage-class";

    public static string Of(ObjectMeta metadata, string? storageClassName) =>
        metadata.Annotations.TryGetValue(BetaAnnotation, out var annotated) ? annotated : storageClassName ?? string.Empty;
}
