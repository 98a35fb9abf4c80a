using System.Globalization;

namespace KubeKernel.Model;

/// <summary>Kubernetes' <c>IntOrString</c>: an integer or a string such as <c>25%</c> or a named port.</summary>
/// <param name="IntValue">The integer form; set when this value is an integer, null otherwise.</param>
/// <param name="StringValue">The string form (<c>"25%"</c>, or a port name such as <c>"http"</c>); set when <paramref name="IntValue"/> is null.</param>
public readonly record struct IntOrString(int? IntValue, string? StringValue)
{
    /// <summary>An integer value, e.g. <c>maxSurge: 1</c> or <c>targetPort: 8080</c>.</summary>
    public static IntOrString FromInt(int value) => new(value, null);

    /// <summary>A string value: a percentage such as <c>"25%"</c>, or a named container port such as <c>"http"</c>.</summary>
    public static IntOrString FromString(string value) => new(null, value);

    /// <summary>True for the integer form, false for the string form.</summary>
    public bool IsInt => IntValue.HasValue;

    /// <summary>
    /// <c>GetScaledValueFromIntOrPercent</c>: an int as is; <c>"N%"</c> as <c>ceil</c> or <c>floor</c> of N×total/100.
    /// </summary>
    /// <remarks>25% of 3: round up → 1, round down → 0. 25% of 10: up → 3, down → 2.</remarks>
    public bool TryScale(int total, bool roundUp, out int value, out string error)
    {
        error = string.Empty;
        value = 0;
        if (IntValue is { } i)
        {
            value = i;
            return true;
        }

        if (StringValue is not { } s || !s.EndsWith('%') ||
            !int.TryParse(s.AsSpan(0, s.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            error = $"invalid value for IntOrString: invalid type: string is not a percentage";
            return false;
        }

        var exact = (double)percent * total / 100.0;
        value = (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
        return true;
    }

    /// <summary>The value as written in a manifest: <c>3</c>, <c>25%</c> or <c>http</c>.</summary>
    public override string ToString() => IntValue?.ToString(CultureInfo.InvariantCulture) ?? StringValue ?? string.Empty;
}
