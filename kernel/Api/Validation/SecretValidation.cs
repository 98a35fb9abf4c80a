using KubeKernel.Model;

namespace KubeKernel.Api.Validation;

/// <summary><c>ValidateSecret</c> and <c>ValidateSecretUpdate</c>: valid keys, at most 1 MiB of values, the keys each <c>type</c> requires, and immutability.</summary>
/// <remarks>
/// Runs after <c>stringData</c> was merged into <c>data</c>, so its keys are checked as <c>data</c> keys. The
/// <c>dockercfg</c> types' content is not parsed as JSON here (only the key is required).
/// </remarks>
internal static class SecretValidation
{
    public const string ServiceAccountTokenType = "kubernetes.io/service-account-token";
    public const string ServiceAccountNameKey = "kubernetes.io/service-account.name";

    /// <summary>The keys each built-in type requires in <c>data</c> (<c>basic-auth</c> needs one of its two, handled apart).</summary>
    private static string[] RequiredKeys(string? type) => type switch
    {
        "kubernetes.io/dockercfg" => [".dockercfg"],
        "kubernetes.io/dockerconfigjson" => [".dockerconfigjson"],
        "kubernetes.io/ssh-auth" => ["ssh-privatekey"],
        "kubernetes.io/tls" => ["tls.crt", "tls.key"],
        _ => [],
    };

    public static void Validate(FieldErrors errors, Secret secret, Secret? old)
    {
        if (old is not null)
        {
            if (secret.Type != old.Type)
            {
                errors.Invalid("type", secret.Type, "field is immutable");
            }

            if (old.Immutable == true)
            {
                if (secret.Immutable != true)
                {
                    errors.Forbidden("immutable", ConfigMapValidation.ImmutableMessage);
                }

                if (secret.Data != old.Data)
                {
                    errors.Forbidden("data", ConfigMapValidation.ImmutableMessage);
                }
            }
        }

        NameValidation.ValidateObjectName(errors, secret.Metadata.Name);
        long total = 0;
        foreach (var (key, value) in secret.Data)
        {
            ConfigKeyValidation.Validate(errors, "data", key);
            total += Base64Length.Decoded(value);
        }

        if (total > ConfigMapValidation.MaxSizeBytes)
        {
            errors.TooLongTotal("data", ConfigMapValidation.MaxSizeBytes);
        }

        switch (secret.Type)
        {
            case ServiceAccountTokenType:
                // Only the name annotation is required: a controller fills in the uid and the token later.
                if (string.IsNullOrEmpty(secret.Metadata.Annotations.GetValueOrDefault(ServiceAccountNameKey)))
                {
                    errors.Required($"metadata.annotations[{ServiceAccountNameKey}]");
                }

                break;
            case "kubernetes.io/basic-auth":
                // Either may be empty, but one of the two must be there.
                if (!secret.Data.ContainsKey("username") && !secret.Data.ContainsKey("password"))
                {
                    errors.Required("data[username]");
                    errors.Required("data[password]");
                }

                break;
            default:
                foreach (var key in RequiredKeys(secret.Type))
                {
                    // ssh-auth needs a non-empty key; the others only need it present.
                    if (!secret.Data.TryGetValue(key, out var value) || (secret.Type == "kubernetes.io/ssh-auth" && value.Length == 0))
                    {
                        errors.Required($"data[{key}]");
                    }
                }

                break;
        }
    }
}
