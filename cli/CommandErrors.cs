using System.Text.RegularExpressions;

namespace KubeKernel.Cli;

/// <summary>Command-line parser messages in plain words: no .NET type names reach the user.</summary>
internal static partial class CommandErrors
{
    /// <summary>Rewrites the parser's conversion failure (<c>Failed to convert 'abc' to Nullable`1.</c>); other messages pass unchanged.</summary>
    public static string Plain(string message) => ConversionFailure().Match(message) is { Success: true } m
        ? $"'{m.Groups["value"].Value}' is not a valid value for this option: it expects {Expected(m.Groups["type"].Value)}"
        : message;

    private static string Expected(string type) => type switch
    {
        "Int32" or "Int64" or "Nullable`1" or "UInt32" => "a whole number",
        "Double" or "Single" or "Decimal" => "a number",
        "Boolean" => "true or false",
        _ => "a different kind of value (see --help)",
    };

    [GeneratedRegex("^Failed to convert '(?<value>.*)' to (?<type>[^.]+)\\.?$")]
    private static partial Regex ConversionFailure();
}
