using System.Globalization;
using System.Text;

namespace KubeKernel;

/// <summary>Deterministic identities: UIDs and generated-name suffixes come from the store revision, never from randomness.</summary>
/// <remarks>
/// Kubernetes draws UIDs and the 5-character <c>generateName</c> suffixes at random; here both are a
/// bijective mix of the creating revision, so they look random, never collide (each create has its own
/// revision) and are the same on every run. Worked example: revision 7 → suffix <c>n8w2h</c>-style text from
/// the alphabet <c>bcdfghjklmnpqrstvwxz2456789</c>.
/// </remarks>
internal static class Identity
{
    /// <summary>Kubernetes' <c>names.SimpleNameGenerator</c> alphabet (no vowels, no 0/1/3).</summary>
    public const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    private const long SuffixSpace = 27L * 27 * 27 * 27 * 27;

    /// <summary>A UUID-shaped identifier unique to the creating revision.</summary>
    public static string Uid(long revision)
    {
        var mixed = Mix((ulong)revision);
        return string.Create(CultureInfo.InvariantCulture, $"{mixed >> 32:x8}-{(mixed >> 16) & 0xffff:x4}-4{mixed & 0xfff:x3}-8{(ulong)revision >> 48 & 0xfff:x3}-{(ulong)revision & 0xffffffffffff:x12}");
    }

    /// <summary>A 5-character suffix for <c>generateName</c>, distinct for distinct revisions below 27^5.</summary>
    public static string NameSuffix(long revision)
    {
        // An affine map modulo 27^5 with a multiplier coprime to 27 is a bijection: distinct revisions, distinct suffixes.
        var n = (((revision % SuffixSpace) * 1_299_709L) + 7_919L) % SuffixSpace;
        var text = new StringBuilder(5);
        for (var i = 0; i < 5; i++)
        {
            text.Append(Alphabet[(int)(n % 27)]);
            n /= 27;
        }

        return text.ToString();
    }

    /// <summary>Kubernetes' <c>rand.SafeEncodeString</c> of a number's decimal digits, as used for pod-template-hash.</summary>
    public static string SafeEncode(uint value)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder(digits.Length);
        foreach (var c in digits)
        {
            text.Append(Alphabet[c % 27]);
        }

        return text.ToString();
    }

    /// <summary>FNV-1a 32-bit, the hash Kubernetes uses for pod-template-hash.</summary>
    public static uint Fnv32a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash = unchecked(hash * 16777619u);
        }

        return hash;
    }

    private static ulong Mix(ulong x)
    {
        // splitmix64 finaliser: a fixed bijection, so different revisions give different UIDs.
        x = unchecked((x ^ (x >> 30)) * 0xbf58476d1ce4e5b9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94d049bb133111ebUL);
        return x ^ (x >> 31);
    }
}
