namespace KubeKernel.Model;

/// <summary>A pod toleration.</summary>
/// <param name="Key">The taint key tolerated; null or empty with <c>Exists</c> tolerates every key.</param>
/// <param name="Operator"><c>Equal</c> (the default) needs the taint's value to equal <paramref name="Value"/>; <c>Exists</c> ignores values.</param>
/// <param name="Value">The value an <c>Equal</c> toleration needs; empty or null for <c>Exists</c>.</param>
/// <param name="Effect">The taint effect tolerated; null tolerates every effect.</param>
/// <param name="TolerationSeconds"><c>tolerationSeconds</c>: for <c>NoExecute</c> only, how many seconds the pod stays bound after the taint appears; null means forever, zero or less evicts at once.</param>
public sealed record Toleration(
    string? Key,
    TolerationOperator Operator = TolerationOperator.Equal,
    string? Value = null,
    TaintEffect? Effect = null,
    long? TolerationSeconds = null)
{
    /// <summary>
    /// <c>Toleration.ToleratesTaint</c>: an empty effect matches every effect; an empty key with Exists matches
    /// every key; Equal needs equal values, Exists ignores them.
    /// </summary>
    public bool Tolerates(Taint taint)
    {
        if (Effect is { } effect && effect != taint.Effect)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(Key) && Key != taint.Key)
        {
            return false;
        }

        return Operator switch
        {
            TolerationOperator.Exists => true,
            _ => string.IsNullOrEmpty(Key) ? false : (Value ?? string.Empty) == (taint.Value ?? string.Empty),
        };
    }
}
