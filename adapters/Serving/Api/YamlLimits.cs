using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeKernel.Adapters.Serving.Api;

/// <summary>
/// Refuses YAML that would take the decoder down before it is decoded: nesting deeper than a JSON body may have, and
/// aliases that expand a small body into a huge one (the "billion laughs": ten levels of ten aliases is 10^10 nodes).
/// </summary>
/// <remarks>
/// One pass over the parser's events, with no recursion and no expansion: each collection's size counts its aliases at
/// the size of what they name. A body may expand to at most as many nodes as it has bytes (plus a little), so plain YAML
/// always passes and a bomb stops as soon as it has outgrown its text; go-yaml refuses the same documents with
/// "excessive aliasing".
/// </remarks>
internal static class YamlLimits
{
    /// <summary>System.Text.Json's default depth, which the converted body has to pass next anyway.</summary>
    public const int MaxDepth = 64;

    /// <summary>Why the YAML cannot be decoded safely, or null when it can; parse errors are the decoder's to report.</summary>
    public static string? Problem(string text)
    {
        var budget = text.Length + 1024L;
        var sizes = new Dictionary<AnchorName, long>();
        var open = new Stack<(long Size, AnchorName Anchor)>();
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
            long? done = null;
            var anchor = AnchorName.Empty;
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    open.Push((1, ((NodeEvent)parser.Current).Anchor));
                    if (open.Count > MaxDepth)
                    {
                        return $"yaml: exceeded max depth of {MaxDepth}";
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    (done, anchor) = open.Pop();
                    break;
                case Scalar scalar:
                    (done, anchor) = (1, scalar.Anchor);
                    break;
                case AnchorAlias alias:
                    done = sizes.GetValueOrDefault(alias.Value, 1);
                    break;
            }

            if (done is not { } size)
            {
                continue;
            }

            if (!anchor.IsEmpty)
            {
                sizes[anchor] = size;
            }

            if (open.TryPop(out var parent))
            {
                open.Push((parent.Size + size, parent.Anchor));
                if (parent.Size + size > budget)
                {
                    return "yaml: document contains excessive aliasing";
                }
            }
        }

        return null;
    }
}
