using System.Text.RegularExpressions;

namespace KubeKernel.Api.Validation;

/// <summary>apimachinery's <c>IsConfigMapKey</c>: the keys of ConfigMaps and Secrets, which become file names in volumes.</summary>
/// <remarks>
/// At most 253 characters of <c>[-._a-zA-Z0-9]</c>, and not <c>.</c>, <c>..</c> or anything starting with <c>..</c>
/// (a volume's file must stay inside its directory). <c>.ab</c> is valid; <c>a*b</c>, <c>.</c>, <c>..</c>, <c>..a</c> are not.
/// </remarks>
internal static partial class ConfigKeyValidation
{
    public const int MaxLength = 253;

    public const string KeyMessage =
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key_name', regex used for validation is '[-._a-zA-Z0-9]+')";

    /// <summary>The messages <c>IsConfigMapKey</c> gives for <paramref name="key"/>, in its order; empty when valid.</summary>
    public static IReadOnlyList<string> Check(string key)
    {
        var messages = new List<string>();
        if (key.Length > MaxLength)
        {
            messages.Add($"must be no more than {MaxLength} characters");
        }

        if (!Key().IsMatch(key))
        {
            messages.Add(KeyMessage);
        }

        if (key == ".")
        {
            messages.Add("must not be '.'");
        }
        else if (key == "..")
        {
            messages.Add("must not be '..'");
        }
        else if (key.StartsWith("..", StringComparison.Ordinal))
        {
            messages.Add("must not start with '..'");
        }

        return messages;
    }

    /// <summary>Adds a <c>PATH[KEY]: Invalid value</c> cause for each message <see cref="Check"/> gives.</summary>
    public static void Validate(FieldErrors errors, string path, string key)
    {
        foreach (var message in Check(key))
        {
            errors.Invalid($"{path}[{key}]", key, message);
        }
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Key();
}
