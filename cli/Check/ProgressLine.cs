using KubeKernel.Generators;

namespace KubeKernel.Cli.Check;

/// <summary>The progress bar of <c>check</c>, drawn in place on stderr (only when stdout is a terminal, so saved output stays deterministic).</summary>
internal static class ProgressLine
{
    public static void Draw(CheckProgress p)
    {
        var seconds = Math.Max(p.Elapsed.TotalSeconds, 1e-3);
        var filled = p.Total == 0 ? 0 : p.Histories * 30 / p.Total;
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {p.Histories}/{p.Total} histories  {p.Histories / seconds:F0} histories/s  {p.Events / seconds:F0} events/s ");
    }

    public static void Clear(bool drawn)
    {
        if (drawn)
        {
            Console.Error.Write("\r" + new string(' ', 100) + "\r");
        }
    }
}
