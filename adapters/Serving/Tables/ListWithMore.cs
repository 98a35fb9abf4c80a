namespace KubeKernel.Adapters.Serving.Tables;

/// <summary>The printers' <c>listWithMoreString</c>: at most three items, then how many more.</summary>
/// <remarks>
/// | items                        | text                                |
/// |------------------------------|-------------------------------------|
/// | (none)                       | <c>&lt;unset&gt;</c>                |
/// | 80                           | <c>80</c>                           |
/// | 10.0.0.1 … 10.0.0.4          | <c>10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...</c> |
/// </remarks>
internal static class ListWithMore
{
    private const int Max = 3;

    public static string Format(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "<unset>",
        <= Max => string.Join(",", items),
        _ => $"{string.Join(",", items.Take(Max))} + {items.Count - Max} more...",
    };
}
