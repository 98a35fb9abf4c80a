namespace KubeKernel.Scheduling.Plugins;

/// <summary>ImageLocality's arithmetic (<c>sumImageScores</c>, <c>calculatePriority</c>).</summary>
/// <remarks>
/// Each container image already on the node adds size × (nodes with the image / all nodes); the sum is clamped to
/// [23 MiB, 1000 MiB × containers] and scaled to 0–100. Image names without a tag get <c>:latest</c>.
///
/// | images present (size, spread)  | containers | sum      | score |
/// |--------------------------------|------------|----------|-------|
/// | none                           | 1          | 0 → 23Mi | 0     |
/// | 500Mi on 1 of 1 node           | 1          | 500Mi    | 48    |
/// | 500Mi on 1 of 2 nodes          | 1          | 250Mi    | 23    |
/// | 2000Mi on 1 of 1 node          | 1          | 1000Mi   | 100   |
/// </remarks>
internal static class ImageLocalityMath
{
    public const long Mb = 1024 * 1024;
    public const long MinThreshold = 23 * Mb;
    public const long MaxContainerThreshold = 1000 * Mb;

    /// <summary>The spread-scaled size of one image: size × nodesWithImage / totalNodes, truncated.</summary>
    public static long ScaledImageScore(long size, int nodesWithImage, int totalNodes) =>
        (long)(size * ((double)nodesWithImage / totalNodes));

    public static long Priority(long sum, int containers)
    {
        var max = MaxContainerThreshold * containers;
        sum = Math.Clamp(sum, MinThreshold, Math.Max(max, MinThreshold));
        return max <= MinThreshold ? 0 : ScoreMath.MaxNodeScore * (sum - MinThreshold) / (max - MinThreshold);
    }

    /// <summary>The image name as the node reports it: <c>:latest</c> added when the name has no tag (<c>normalizedImageName</c>).</summary>
    public static string Normalize(string image) =>
        image.LastIndexOf(':') <= image.LastIndexOf('/') ? image + ":latest" : image;
}
