using System.Globalization;

namespace KubeKernel.Model;

/// <summary>Kubernetes' <c>IntOrString</c>: an integer or a string such as <c>25%</c> or a named port.</summary>
public readonly record struct IntOrString(int? IntValue, string? StringValue)
{
    public static IntOrString FromInt(int value) => new(value, null);

    public static IntOrString FromString(string value) => new(null, value);

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

    public override string ToString() => IntValue?.ToString(CultureInfo.InvariantCulture) ?? StringValue ?? string.Empty;
}
