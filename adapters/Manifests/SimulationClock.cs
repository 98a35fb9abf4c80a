namespace KubeKernel.Adapters.Manifests;

/// <summary>Maps the kernel's logical milliseconds to wire timestamps from a fixed epoch, so output never depends on the wall clock.</summary>
internal static class SimulationClock
{
    /// <summary>Logical time 0 is 2026-01-01T00:00:00Z in every printed timestamp.</summary>
    public static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static DateTime ToWire(long millis) => Epoch.AddMilliseconds(millis);

    public static DateTime? ToWire(long? millis) => millis is { } m ? ToWire(m) : null;

    /// <summary>
    /// The logical milliseconds of a wire timestamp, exactly: <see cref="k8s.KubernetesJson"/> writes timestamps with
    /// microseconds (<c>2026-01-01T00:00:01.234000Z</c>), so a kernel millisecond survives the JSON text; a finer
    /// fraction from another client is cut to the millisecond. A time without a zone is taken as UTC, as Kubernetes writes them.
    /// </summary>
    public static long? FromWire(DateTime? time) => time is { } t
        ? (t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime()).Subtract(Epoch).Ticks / TimeSpan.TicksPerMillisecond
        : null;

    /// <summary>A duration as kubectl prints ages: <c>45s</c>, <c>3m20s</c>, <c>2h5m</c>.</summary>
    public static string Age(long millis)
    {
        var seconds = Math.Max(0, millis / 1000);
        if (seconds < 120)
        {
            return $"{seconds}s";
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return $"{minutes}m{seconds % 60}s";
        }

        if (minutes < 180)
        {
            return $"{minutes}m";
        }

        return $"{minutes / 60}h{minutes % 60}m";
    }

    /// <summary>A logical instant as the trace prints it: <c>0s</c>, <c>10.5s</c>, <c>5m0s</c>.</summary>
    public static string Instant(long millis)
    {
        var seconds = millis / 1000;
        var fraction = millis % 1000;
        var text = seconds >= 60 ? $"{seconds / 60}m{seconds % 60}" : $"{seconds}";
        return fraction == 0 ? text + "s" : $"{text}.{fraction:000}".TrimEnd('0') + "s";
    }
}
