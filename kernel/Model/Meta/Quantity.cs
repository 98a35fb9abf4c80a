using System.Collections.Immutable;
using System.Globalization;

namespace KubeKernel.Model;

/// <summary>A Kubernetes resource quantity (<c>100m</c>, <c>0.5</c>, <c>128Mi</c>, <c>1Gi</c>, <c>1e3</c>), exact in decimal.</summary>
/// <remarks>
/// Worked examples: <c>100m</c> → 0.1 (100 milli); <c>0.5</c> → 500 milli; <c>128Mi</c> → 134217728;
/// <c>1Gi</c> → 1073741824; <c>1e3</c> → 1000; <c>1.5Gi</c> prints as <c>1536Mi</c>.
/// </remarks>
/// <param name="Amount">The value in the resource's base unit: cores for <c>cpu</c>, bytes for <c>memory</c> and <c>ephemeral-storage</c>, a count for <c>pods</c>.</param>
/// <param name="Format">How the value was written, which decides how <see cref="ToString"/> prints it.</param>
public readonly record struct Quantity(decimal Amount, QuantityFormat Format)
{
    /// <summary>The message Kubernetes gives for a malformed quantity (<c>resource.ErrFormatWrong</c>).</summary>
    public const string FormatError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    private static readonly ImmutableArray<(string Suffix, decimal Factor)> BinarySuffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("Pi", 1024m * 1024 * 1024 * 1024 * 1024), ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024),
    ];

    private static readonly ImmutableArray<(string Suffix, decimal Factor)> DecimalSuffixes =
    [
        ("n", 0.000000001m), ("u", 0.000001m), ("m", 0.001m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m),
        ("P", 1e15m), ("E", 1e18m),
    ];

    /// <summary>Zero, in decimal SI format; prints as <c>0</c>.</summary>
    public static Quantity Zero => new(0m, QuantityFormat.DecimalSI);

    /// <summary>The value in thousandths, rounded up as Kubernetes' <c>MilliValue</c> does; saturates at <see cref="long.MaxValue"/>.</summary>
    public long MilliValue => Saturate(Math.Ceiling(Amount * 1000m));

    /// <summary>The value in whole units, rounded up as Kubernetes' <c>Value</c> does.</summary>
    public long Value => Saturate(Math.Ceiling(Amount));

    /// <summary>A quantity of <paramref name="milli"/> thousandths (for <c>cpu</c>, millicores): 250 → <c>250m</c>, 2000 → <c>2</c>.</summary>
    public static Quantity FromMilli(long milli) => new(milli / 1000m, QuantityFormat.DecimalSI);

    /// <summary>A quantity of whole base units (cores, bytes, pods) printed in <paramref name="format"/>.</summary>
    public static Quantity FromUnits(long units, QuantityFormat format = QuantityFormat.DecimalSI) => new(units, format);

    /// <summary>Parses a quantity string; returns false with Kubernetes' message for a malformed one.</summary>
    public static bool TryParse(string? text, out Quantity quantity, out string error)
    {
        quantity = Zero;
        error = FormatError;
        if (string.IsNullOrEmpty(text))
        {
            error = "quantities must not be empty";
            return false;
        }

        var s = text.Trim();
        var i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            i++;
        }

        var digits = 0;
        var dots = 0;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
        {
            if (s[i] == '.')
            {
                dots++;
            }
            else
            {
                digits++;
            }

            i++;
        }

        if (digits == 0 || dots > 1)
        {
            return false;
        }

        if (!decimal.TryParse(s[..i], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var suffix = s[i..];
        try
        {
            if (suffix.Length == 0)
            {
                quantity = new(number, QuantityFormat.DecimalSI);
                return true;
            }

            if (suffix[0] is 'e' or 'E' && suffix.Length > 1)
            {
                if (!int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) || Math.Abs(exponent) > 18)
                {
                    return false;
                }

                quantity = new(number * Pow10(exponent), QuantityFormat.DecimalExponent);
                return true;
            }

            foreach (var (name, factor) in BinarySuffixes)
            {
                if (suffix == name)
                {
                    quantity = new(number * factor, QuantityFormat.BinarySI);
                    return true;
                }
            }

            foreach (var (name, factor) in DecimalSuffixes)
            {
                if (suffix == name)
                {
                    quantity = new(number * factor, QuantityFormat.DecimalSI);
                    return true;
                }
            }
        }
        catch (OverflowException)
        {
            error = "quantity is too large";
            return false;
        }

        return false;
    }

    /// <summary>Parses a quantity the caller knows is well formed (tests, constants); throws on a bad one.</summary>
    public static Quantity Parse(string text) =>
        TryParse(text, out var q, out var error) ? q : throw new FormatException($"{text}: {error}");

    /// <summary>The sum; it keeps the left operand's format, as Kubernetes' <c>Quantity.Add</c> keeps the receiver's.</summary>
    public static Quantity operator +(Quantity a, Quantity b) => new(a.Amount + b.Amount, a.Format);

    /// <summary>The difference; it keeps the left operand's format, as Kubernetes' <c>Quantity.Sub</c> keeps the receiver's.</summary>
    public static Quantity operator -(Quantity a, Quantity b) => new(a.Amount - b.Amount, a.Format);

    /// <summary>The canonical text Kubernetes prints: <c>100m</c>, <c>3</c>, <c>128Mi</c>, <c>1536Mi</c>, <c>1e3</c>.</summary>
    public override string ToString()
    {
        if (Amount == 0)
        {
            return "0";
        }

        var sign = Amount < 0 ? "-" : string.Empty;
        var abs = Math.Abs(Amount);
        if (Format == QuantityFormat.BinarySI && abs == Math.Floor(abs))
        {
            for (var k = BinarySuffixes.Length - 1; k >= 0; k--)
            {
                var (name, factor) = BinarySuffixes[k];
                if (abs >= factor && abs % factor == 0)
                {
                    return sign + (abs / factor).ToString("0", CultureInfo.InvariantCulture) + name;
                }
            }

            if (abs < 1024)
            {
                return sign + abs.ToString("0", CultureInfo.InvariantCulture);
            }
        }

        if (Format == QuantityFormat.DecimalExponent && abs == Math.Floor(abs))
        {
            var exponent = 0;
            var mantissa = abs;
            while (mantissa >= 10 && mantissa % 10 == 0)
            {
                mantissa /= 10;
                exponent++;
            }

            return exponent == 0
                ? sign + mantissa.ToString("0", CultureInfo.InvariantCulture)
                : sign + mantissa.ToString("0", CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        }

        // Decimal SI: the largest suffix (in steps of 10^3) that keeps an integer mantissa, with milli as the floor.
        var milli = Math.Ceiling(abs * 1000m);
        if (milli % 1000 != 0)
        {
            return sign + milli.ToString("0", CultureInfo.InvariantCulture) + "m";
        }

        var units = milli / 1000;
        string[] names = [string.Empty, "k", "M", "G", "T", "P", "E"];
        var step = 0;
        while (step < names.Length - 1 && units % 1000 == 0)
        {
            units /= 1000;
            step++;
        }

        return sign + units.ToString("0", CultureInfo.InvariantCulture) + names[step];
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= 10m;
        }

        return exponent >= 0 ? result : 1m / result;
    }

    private static long Saturate(decimal value) =>
        value >= long.MaxValue ? long.MaxValue : value <= long.MinValue ? long.MinValue : (long)value;
}
