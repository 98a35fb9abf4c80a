namespace KubeKernel.Model;

/// <summary>A pod toleration.</summary>
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
