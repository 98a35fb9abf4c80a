using KubeKernel.Kubelet;

namespace KubeKernel.Properties.Controllers;

public class KubeletMathTests
{
    [Fact]
    public void Successive_crashes_restart_after_0_10_20_40_80_160_300_300_seconds()
    {
        var delays = new List<long>();
        long backoff = 0;
        long? updated = null;
        long now = 0;
        for (var crash = 0; crash < 8; crash++)
        {
            var (delay, next) = CrashLoopBackoff.Next(backoff, updated, now, 10, 300);
            delays.Add(delay);
            backoff = next;
            now += delay * 1000;
            updated = now;
            now += 1000;
        }

        Assert.Equal([0L, 10, 20, 40, 80, 160, 300, 300], delays);
    }

    [Fact]
    public void The_back_off_resets_after_ten_minutes_without_a_crash()
    {
        Assert.Equal((0L, 10L), CrashLoopBackoff.Next(160, 0, 600_001, 10, 300));
        Assert.Equal((160L, 300L), CrashLoopBackoff.Next(160, 0, 600_000, 10, 300));
    }
}
