using System.Globalization;
using KubeKernel.Model;

namespace KubeKernel.Api.Validation;

/// <summary>Builds validation causes in Kubernetes' <c>field.Error</c> wording: <c>spec.replicas: Invalid value: -1: must be …</c>.</summary>
internal sealed class FieldErrors
{
    private readonly List<string> errors = [];

    public IReadOnlyList<string> All => errors;

    public bool Any => errors.Count > 0;

    public void Required(string path, string? detail = null) =>
        errors.Add(detail is null ? $"{path}: Required value" : $"{path}: Required value: {detail}");

    public void Invalid(string path, object? value, string detail) =>
        errors.Add($"{path}: Invalid value: {Render(value)}: {detail}");

    public void NotSupported(string path, object? value, params string[] supported) =>
        errors.Add($"{path}: Unsupported value: {Render(value)}: supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}");

    public void Forbidden(string path, string detail) => errors.Add($"{path}: Forbidden: {detail}");

    public void Duplicate(string path, object? value) => errors.Add($"{path}: Duplicate value: {Render(value)}");

    public void TooLong(string path, int max) => errors.Add($"{path}: Too long: may not be more than {max} bytes");

    /// <summary>A total over many values (all annotations together): apimachinery words it "must have at most".</summary>
    public void TooLongTotal(string path, int max) => errors.Add($"{path}: Too long: must have at most {max} bytes");

    public void NonNegative(string path, long value)
    {
        if (value < 0)
        {
            Invalid(path, value, "must be greater than or equal to 0");
        }
    }

    /// <summary>Values print as Go's <c>%v</c>/<c>%q</c> would: strings quoted, numbers bare.</summary>
    public static string Render(object? value) => value switch
    {
        null => "null",
        RawValue r => r.Text,
        string s => $"\"{s}\"",
        IntOrString { IsInt: true } i => i.IntValue!.Value.ToString(CultureInfo.InvariantCulture),
        IntOrString i => $"\"{i.StringValue}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
