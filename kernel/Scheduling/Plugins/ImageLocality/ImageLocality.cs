namespace KubeKernel.Scheduling.Plugins;

/// <summary>Score: favours nodes that already have the pod's container images, weighted by how widely each image is spread. Weight 1.</summary>
/// <remarks>Kubernetes has no PreScore here; the kernel normalises the image names once per cycle instead of once per node.</remarks>
internal sealed class ImageLocality : IPreScorePlugin, IScorePlugin
{
    public string Name => nameof(ImageLocality);

    public ClusterEvents EventsToRegister => ClusterEvents.None;

    public PluginResult PreScore(CycleContext cycle, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        var spec = cycle.Pod.Spec;
        var containers = spec.InitContainers.Count + spec.Containers.Count;
        if (!cycle.Cache.AnyNodeHasImages)
        {
            // No node has any image, so every node scores the same; Score then skips the lookups.
            return PluginResult.Ok(new State([], containers));
        }

        var images = spec.InitContainers.Concat(spec.Containers).Select(c => ImageLocalityMath.Normalize(c.Image)).ToArray();
        return PluginResult.Ok(new State(images.Any(i => cycle.Cache.NodesWithImage(i) > 0) ? images : [], containers));
    }

    public long Score(CycleContext cycle, object? state, NodeInfo node)
    {
        var (images, containers) = (State)state!;
        long sum = 0;
        if (images.Length > 0 && node.Images.Count > 0)
        {
            foreach (var image in images)
            {
                if (node.Images.TryGetValue(image, out var size))
                {
                    sum += ImageLocalityMath.ScaledImageScore(size, cycle.Cache.NodesWithImage(image), cycle.Cache.Nodes.Count);
                }
            }
        }

        return ImageLocalityMath.Priority(sum, containers);
    }

    public void NormalizeScore(CycleContext cycle, object? state, IReadOnlyList<NodeInfo> nodes, Span<long> scores)
    {
    }

    /// <summary>The pod's normalised image names (none when no node has any of them) and its number of containers.</summary>
    private sealed record State(string[] Images, int Containers);
}
