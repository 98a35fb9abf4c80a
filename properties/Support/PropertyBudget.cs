using System.Globalization;
using FsCheck;

namespace KubeKernel.Properties.Support;

/// <summary>How hard properties try: modest by default, deep on request through environment variables.</summary>
/// <remarks>
/// <c>KERNEL_PROPERTY_RUNS</c> sets the number of generated cases per property (default 100);
/// <c>KERNEL_PROPERTY_SEED</c> (two numbers, <c>"s1,s2"</c>) replays one FsCheck seed exactly.
/// </remarks>
public static class PropertyBudget
{
    public static int Runs => int.TryParse(Environment.GetEnvironmentVariable("KERNEL_PROPERTY_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;

    public static Config Config
    {
        get
        {
            var config = Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true);
            var seed = Environment.GetEnvironmentVariable("KERNEL_PROPERTY_SEED");
            if (seed?.Split(',') is [var a, var b] &&
                ulong.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var s1) &&
                ulong.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var s2))
            {
                config = config.WithReplay(new Replay(new Rnd(s1, s2), null));
            }

            return config;
        }
    }

    /// <summary>A fixed seed, for regressions that must replay the same cases forever.</summary>
    public static Config Pinned(ulong s1, ulong s2, int runs) =>
        Config.QuickThrowOnFailure.WithMaxTest(runs).WithQuietOnSuccess(true).WithReplay(new Replay(new Rnd(s1, s2), null));
}
