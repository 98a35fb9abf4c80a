using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace KubeKernel.Cli.Output;

/// <summary>
/// Double-quotes a string exactly when kubectl's YAML printer (go-yaml) would: when, written plain, it would read back as
/// something else — empty, a number (<c>"1"</c>, <c>"1e3"</c>), a boolean or null (<c>"False"</c>, <c>"yes"</c>) or a
/// timestamp (<c>"2026-01-01T00:00:00Z"</c>). Other strings are left to the emitter, which quotes only what plain YAML cannot hold.
/// </summary>
internal sealed partial class KubectlYamlQuoting(IEventEmitter next) : ChainedEventEmitter(next)
{
    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        if (eventInfo.Source.Type == typeof(string) && eventInfo.Source.Value is string text && ReadsAsNonString(text))
        {
            eventInfo.Style = ScalarStyle.DoubleQuoted;
        }

        base.Emit(eventInfo, emitter);
    }

    /// <summary>Whether go-yaml would resolve the plain scalar <paramref name="text"/> to a non-string (YAML 1.1 rules).</summary>
    internal static bool ReadsAsNonString(string text) =>
        text.Length == 0 || Special().IsMatch(text) || Number().IsMatch(text) || Timestamp().IsMatch(text);

    [GeneratedRegex(@"^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex Special();

    [GeneratedRegex(@"^([-+]?(0b[01_]+|0[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*)|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?)$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)?([0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$")]
    private static partial Regex Timestamp();
}
