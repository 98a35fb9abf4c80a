namespace KubeKernel.Properties.Serving.Crash;

/// <summary>Every write the server answered with success, by registry key: the highest resourceVersion it acknowledged.</summary>
/// <remarks>
/// A write the server was killed in the middle of is not here: it may or may not have become durable, and either is
/// correct. What is here the server promised, so it must survive any crash at that version or a later one.
/// </remarks>
internal sealed class Acknowledged
{
    private readonly Dictionary<string, long> versions = new(StringComparer.Ordinal);

    public void Record(string key, long resourceVersion)
    {
        lock (versions)
        {
            versions[key] = Math.Max(resourceVersion, versions.GetValueOrDefault(key));
        }
    }

    public IReadOnlyList<KeyValuePair<string, long>> All()
    {
        lock (versions)
        {
            return [.. versions.OrderBy(v => v.Key, StringComparer.Ordinal)];
        }
    }
}
