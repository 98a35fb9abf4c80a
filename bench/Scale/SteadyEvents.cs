using KubeKernel.Events;
using KubeKernel.Simulation;

namespace KubeKernel.Bench.Scale;

/// <summary>
/// The everyday events the steady-state measurement feeds a settled cluster, in rounds that are the same whatever its size:
/// ten node heartbeats (lease renewals), a <c>kubectl delete pod</c> that the ReplicaSet replaces, and a Deployment
/// scaled up by one and back (<c>kubectl scale</c>), each request run to quiescence.
/// </summary>
/// <remarks>
/// Round <c>r</c> picks its nodes, its pod and its Deployment by <c>r</c> modulo their count, so a sequence is fixed by
/// its first round and its length. No logical time passes: every effect of these events happens at once in the
/// simulation (containers start and stop at once, nothing has a probe), so the steps measured are the ones the events
/// cause and nothing else: no timers fire and no other heartbeats fall due.
/// </remarks>
public static class SteadyEvents
{
    public const int HeartbeatsPerRound = 10;

    /// <summary>External events in one round: the heartbeats, the pod delete, the two scale requests.</summary>
    public const int EventsPerRound = HeartbeatsPerRound + 3;

    /// <summary>Feeds rounds <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 to the cluster.</summary>
    public static void Run(ScaleCluster cluster, int first, int count)
    {
        var nodes = cluster.LiveNodes;
        for (var round = first; round < first + count; round++)
        {
            for (var i = 0; i < HeartbeatsPerRound; i++)
            {
                cluster.Simulation.Apply(new NodeHeartbeatReceived(nodes[((round * HeartbeatsPerRound) + i) % nodes.Count]));
            }

            var node = nodes[round % nodes.Count];
            var pod = cluster.Simulation.State.Store.PodsOn(node).Where(p => !p.Metadata.IsBeingDeleted).MinBy(p => p.Metadata.Name, StringComparer.Ordinal)
                ?? throw new InvalidOperationException($"round {round}: no pod on {node} to delete");
            cluster.Run(new DeleteStep(pod.Key));

            var deployment = cluster.DeploymentKey(round % cluster.Deployments);
            cluster.Run(new ScaleStep(deployment, ScaleCluster.ReplicasPerDeployment + 1));
            cluster.Run(new ScaleStep(deployment, ScaleCluster.ReplicasPerDeployment));
        }
    }
}
