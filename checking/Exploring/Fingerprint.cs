using System.Globalization;

namespace KubeKernel.Exploring;

/// <summary>A 128-bit structural fingerprint of an explored world: equal for worlds the explorer treats as one state.</summary>
/// <remarks>
/// XXH128 of a canonical byte form (see <see cref="WorldFingerprint"/>): the same on every machine and in every process,
/// and independent of the order objects were inserted in. Two different worlds share one with a chance of about
/// n²/2¹²⁹ among n states — for a hundred million states, below one in 10¹⁹.
/// </remarks>
/// <param name="Value">The 128 bits.</param>
public readonly record struct Fingerprint(UInt128 Value)
{
    /// <summary>The 32 hexadecimal digits.</summary>
    public override string ToString() => Value.ToString("x32", CultureInfo.InvariantCulture);
}
