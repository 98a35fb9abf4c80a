using KubeKernel.Simulation;

namespace KubeKernel.Exploring;

/// <summary>The fingerprint of an explored world: the cluster state, the simulated world and what the explorer has left to spend.</summary>
/// <remarks>
/// What is hashed is what decides the world's future: logical time, the stored objects (a set per kind), the work queue and
/// timers in order, the controllers' memory, node leases and partitions; the simulated runtime and cloud and the next
/// heartbeat round; the faults armed and not yet fired; the faults the path has spent, and whether a lost notification left it lagging. Left out as derived or as
/// noise: the store revision and each object's resourceVersion (see <see cref="CanonicalWriter"/>), the scheduler cache
/// and node IPAM (rebuilt from the store), and the configuration (the same for every world of a run).
/// </remarks>
internal static class WorldFingerprint
{
    /// <summary>The fingerprint of <paramref name="world"/>, reached with <paramref name="faultsSpent"/> faults, under <paramref name="symmetry"/>, written with <paramref name="writer"/>.</summary>
    public static Fingerprint Of(ClusterSimulation world, int faultsSpent, bool lagging, bool symmetry, CanonicalWriter writer)
    {
        var state = world.State;
        writer.CachesObjects = false;
        writer.Renames = CanonicalNames.Of(state, symmetry, writer);
        writer.CachesObjects = !symmetry;
        writer.Clear();
        writer.Write(state.Now);
        foreach (var table in state.Store.Tables)
        {
            writer.Write(table.Key);
            writer.WriteUnordered(table.Value.Values);
        }

        writer.Write(state.Queue.Items.ToList());
        writer.Write(state.Timers.Items.Select(t => (object)new KeyValuePair<long, Events.ReconcileRequested>(t.Due, t.Item)).ToList());
        writer.Write(state.Memory);
        writer.Write(state.NodeLeases);
        writer.Write(state.PartitionedNodes);
        var runtime = world.Runtime;
        writer.Write(runtime.Running);
        writer.Write(runtime.ProbeOutcomes);
        writer.WriteUnordered(runtime.DownNodes);
        writer.Write(runtime.ScheduledExits);
        writer.Write(world.Cloud);
        writer.Write(world.Environment.NextHeartbeat);
        writer.Write(world.Faults.Armed.ToList());
        writer.Write(faultsSpent);
        writer.Write(lagging ? 1 : 0);
        return new Fingerprint(writer.Hash);
    }
}
