namespace KubeKernel.Api.Validation;

/// <summary>How many bytes a base64 text decodes to, without decoding it: what Go's <c>len</c> of the <c>[]byte</c> counts.</summary>
/// <remarks>
/// Every 4 characters are 3 bytes, less one per <c>=</c> of padding:
/// <code>
/// ""       0
/// "YQ=="   1
/// "YWI="   2
/// "YWJj"   3
/// </code>
/// </remarks>
internal static class Base64Length
{
    public static long Decoded(string base64)
    {
        var padding = base64.EndsWith("==", StringComparison.Ordinal) ? 2 : base64.EndsWith('=') ? 1 : 0;
        return (base64.Length / 4 * 3L) - padding;
    }
}
