using System.Text.RegularExpressions;

namespace KubeKernel.Api.Validation;

/// <summary>Kubernetes' name rules (RFC 1123 subdomain and label, RFC 1035 label) with their exact messages.</summary>
internal static partial class NameValidation
{
    public const string Dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    public const string Dns1123LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    public const string Dns1035LabelMessage =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    public static bool IsDns1123Subdomain(string name) => name.Length is > 0 and <= 253 && Subdomain().IsMatch(name);

    public static bool IsDns1123Label(string name) => name.Length is > 0 and <= 63 && Label().IsMatch(name);

    public static bool IsDns1035Label(string name) => name.Length is > 0 and <= 63 && Label1035().IsMatch(name);

    /// <summary>Checks <c>metadata.name</c> as a subdomain (most kinds) and adds Kubernetes' cause when it fails.</summary>
    public static void ValidateObjectName(FieldErrors errors, string name, bool dns1035 = false)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Required("metadata.name", "name or generateName is required");
            return;
        }

        if (dns1035 ? !IsDns1035Label(name) : !IsDns1123Subdomain(name))
        {
            errors.Invalid("metadata.name", name, dns1035 ? Dns1035LabelMessage : Dns1123SubdomainMessage);
        }
    }

    /// <summary><c>ValidateQualifiedName</c>: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static void ValidateQualifiedName(FieldErrors errors, string path, string value)
    {
        var slash = value.LastIndexOf('/');
        var (prefix, name) = slash < 0 ? (null, value) : (value[..slash], value[(slash + 1)..]);
        if (prefix is not null && !IsDns1123Subdomain(prefix))
        {
            errors.Invalid(path, value, "prefix part " + Dns1123SubdomainMessage);
        }

        if (name.Length == 0)
        {
            errors.Invalid(path, value, "name part must be non-empty");
        }
        else if (name.Length > 63)
        {
            errors.Invalid(path, value, "name part must be no more than 63 characters");
        }
        else if (!QualifiedNamePart().IsMatch(name))
        {
            errors.Invalid(path, value, "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
        }
    }

    /// <summary><c>IsQualifiedName</c>, as a test: the rules <see cref="ValidateQualifiedName"/> reports on.</summary>
    public static bool IsQualifiedName(string value)
    {
        var slash = value.LastIndexOf('/');
        var (prefix, name) = slash < 0 ? (null, value) : (value[..slash], value[(slash + 1)..]);
        return (prefix is null || IsDns1123Subdomain(prefix)) && name.Length is > 0 and <= 63 && QualifiedNamePart().IsMatch(name);
    }

    /// <summary><c>IsValidLabelValue</c>: empty, or at most 63 alphanumerics, '-', '_' and '.' that start and end alphanumeric.</summary>
    public static bool IsLabelValue(string value) => value.Length == 0 || (value.Length <= 63 && QualifiedNamePart().IsMatch(value));

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label1035();
}
