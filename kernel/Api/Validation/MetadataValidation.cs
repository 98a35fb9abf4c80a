using System.Text;
using KubeKernel.Collections;

namespace KubeKernel.Api.Validation;

/// <summary>The ObjectMeta checks every kind gets (apimachinery's <c>ValidateObjectMeta</c>): label keys, and the annotations' total size.</summary>
/// <remarks>
/// All of an object's annotations together, keys and values, at most 256 KiB (<c>ValidateAnnotationsSize</c>); sizes are UTF-8 bytes, as Go's <c>len</c> counts them.
/// <code>
/// {"a": 262143 × "x"}   1 + 262143 = 262144 bytes   valid
/// {"a": 262144 × "x"}   1 + 262144 = 262145 bytes   metadata.annotations: Too long: must have at most 262144 bytes
/// </code>
/// </remarks>
internal static class MetadataValidation
{
    public const int TotalSizeLimitBytes = 256 * 1024;

    public static void Validate(FieldErrors errors, Model.ObjectMeta metadata)
    {
        foreach (var key in metadata.Labels.Keys)
        {
            NameValidation.ValidateQualifiedName(errors, "metadata.labels", key);
        }

        ValidateAnnotationsSize(errors, metadata.Annotations, "metadata.annotations");
    }

    public static void ValidateAnnotationsSize(FieldErrors errors, ValueMap<string, string> annotations, string path)
    {
        var total = 0L;
        foreach (var (key, value) in annotations)
        {
            total += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
        }

        if (total > TotalSizeLimitBytes)
        {
            errors.TooLongTotal(path, TotalSizeLimitBytes);
        }
    }
}
