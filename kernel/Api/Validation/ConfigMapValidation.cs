using System.Text;
using KubeKernel.Model;

namespace KubeKernel.Api.Validation;

/// <summary><c>ValidateConfigMap</c> and <c>ValidateConfigMapUpdate</c>: valid, unique keys, at most 1 MiB of values, and immutability.</summary>
/// <remarks>
/// The size is the sum of the values' lengths in bytes (binary values decoded), keys not counted; over
/// <see cref="MaxSizeBytes"/> the cause names the whole object (an empty path), as Kubernetes does.
/// <code>
/// {key: 1048576 × "a"}   valid
/// {key: 1048577 × "a"}   : Too long: must have at most 1048576 bytes
/// </code>
/// </remarks>
internal static class ConfigMapValidation
{
    /// <summary><c>MaxSecretSize</c>, which bounds ConfigMaps too: 1 MiB.</summary>
    public const int MaxSizeBytes = 1024 * 1024;

    public const string ImmutableMessage = "field is immutable when `immutable` is set";

    public static void Validate(FieldErrors errors, ConfigMap cm, ConfigMap? old)
    {
        if (old is { Immutable: true })
        {
            if (cm.Immutable != true)
            {
                errors.Forbidden("immutable", ImmutableMessage);
            }

            if (cm.Data != old.Data)
            {
                errors.Forbidden("data", ImmutableMessage);
            }

            if (cm.BinaryData != old.BinaryData)
            {
                errors.Forbidden("binaryData", ImmutableMessage);
            }
        }

        NameValidation.ValidateObjectName(errors, cm.Metadata.Name);
        long total = 0;
        foreach (var (key, value) in cm.Data)
        {
            ConfigKeyValidation.Validate(errors, "data", key);
            if (cm.BinaryData.ContainsKey(key))
            {
                errors.Invalid($"data[{key}]", key, "duplicate of key present in binaryData");
            }

            total += Encoding.UTF8.GetByteCount(value);
        }

        foreach (var (key, value) in cm.BinaryData)
        {
            ConfigKeyValidation.Validate(errors, "binaryData", key);
            if (cm.Data.ContainsKey(key))
            {
                errors.Invalid($"binaryData[{key}]", key, "duplicate of key present in data");
            }

            total += Base64Length.Decoded(value);
        }

        if (total > MaxSizeBytes)
        {
            errors.TooLongTotal(string.Empty, MaxSizeBytes);
        }
    }
}
