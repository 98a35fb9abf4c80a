using System.Diagnostics;

namespace KubeKernel.Bench.Scale;

/// <summary>Times a phase by the wall clock and by the process's CPU time, the steadier of the two on a shared machine.</summary>
/// <remarks>CPU time counts every thread of the process: the GC's and the JIT's as well as the reducer's one.</remarks>
public sealed class PhaseClock
{
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private TimeSpan cpu;

    /// <summary>Wall-clock seconds from the start to <see cref="Stop"/>.</summary>
    public double Seconds => wall.Elapsed.TotalSeconds;

    /// <summary>CPU seconds of the whole process from the start to <see cref="Stop"/>.</summary>
    public double CpuSeconds => cpu.TotalSeconds;

    /// <summary>Ends the phase.</summary>
    public void Stop()
    {
        wall.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
    }
}
