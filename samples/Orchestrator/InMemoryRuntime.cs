using KubeKernel;
using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Model;

namespace Orchestrator;

/// <summary>This orchestrator's interpreter: a container runtime in memory whose containers take a while to start, and kubelets that heartbeat.</summary>
/// <remarks>
/// It carries out what the kernel decides and reports what happened as events: <c>SyncPod</c> starts the missing
/// containers after <c>startupMillis</c> and stops the unwanted ones at once, <c>RunProbe</c> always passes,
/// <c>KillContainer</c> stops one. Every node heartbeats each <c>heartbeatMillis</c>. Kubernetes Events are written to
/// the log. Everything is ordered, so the same requests give the same run.
/// </remarks>
public sealed class InMemoryRuntime : IInterpreter
{
    // Containers that will report ContainerStarted at a time, in (time, pod, container) order.
    private readonly SortedSet<(long At, string Node, string Pod, string Uid, string Namespace, string Container)> starting = [];
    private readonly SortedSet<(string Uid, string Container)> running = [];
    private readonly long startupMillis;
    private readonly long heartbeatMillis;
    private readonly TextWriter log;
    private long nextHeartbeat;

    public InMemoryRuntime(long startupMillis, long heartbeatMillis, TextWriter log)
    {
        this.startupMillis = startupMillis;
        this.heartbeatMillis = heartbeatMillis;
        this.log = log;
        nextHeartbeat = heartbeatMillis;
    }

    public long? NextReport => starting.Count > 0 && starting.Min.At < nextHeartbeat ? starting.Min.At : nextHeartbeat;

    public IReadOnlyList<ClusterEvent> CarryOut(ClusterState state, ValueList<Command> commands)
    {
        var facts = new List<ClusterEvent>();
        foreach (var command in commands)
        {
            switch (command)
            {
                case SyncPod sync:
                    Sync(state.Now, sync, facts);
                    break;
                case KillContainer kill when running.Remove((kill.Pod.Uid, kill.Container)):
                    facts.Add(new ContainerExited(kill.NodeName, kill.Pod, kill.Container, 137, "Error"));
                    break;
                case RunProbe probe:
                    facts.Add(new ProbeResultObserved(probe.NodeName, probe.Pod, probe.Container, probe.Kind, Success: true));
                    break;
                case RecordEvent recorded:
                    log.WriteLine($"{Clock(state.Now)}  {recorded.Type,-7} {recorded.Reason,-18} {recorded.InvolvedObject.Kind.ToLowerInvariant()}/{recorded.InvolvedObject.Name}: {recorded.Message}");
                    break;
                case Reply { Result.IsSuccess: false } rejected:
                    log.WriteLine($"{Clock(state.Now)}  request {rejected.RequestId} rejected: {rejected.Result.Message}");
                    break;
            }
        }

        return facts;
    }

    public IReadOnlyList<ClusterEvent> ReportDue(ClusterState state)
    {
        var facts = new List<ClusterEvent>();
        while (starting.Count > 0 && starting.Min.At <= state.Now)
        {
            var start = starting.Min;
            starting.Remove(start);
            running.Add((start.Uid, start.Container));
            facts.Add(new ContainerStarted(start.Node, new ObjectRef("Pod", start.Namespace, start.Pod, start.Uid), start.Container));
        }

        if (state.Now >= nextHeartbeat)
        {
            facts.AddRange(state.Store.List<Node>().Select(node => new NodeHeartbeatReceived(node.Metadata.Name)));
            nextHeartbeat = state.Now + heartbeatMillis;
        }

        return facts;
    }

    private void Sync(long now, SyncPod sync, List<ClusterEvent> facts)
    {
        var wanted = sync.Containers.Select(c => c.Name).ToHashSet();
        foreach (var (uid, container) in running.Where(r => r.Uid == sync.Pod.Uid && !wanted.Contains(r.Container)).ToList())
        {
            running.Remove((uid, container));
            facts.Add(new ContainerExited(sync.NodeName, sync.Pod, container, 0));
        }

        foreach (var container in sync.Containers.Where(c => !running.Contains((sync.Pod.Uid, c.Name))))
        {
            if (!starting.Any(s => s.Uid == sync.Pod.Uid && s.Container == container.Name))
            {
                starting.Add((now + startupMillis, sync.NodeName, sync.Pod.Name, sync.Pod.Uid, sync.Pod.Namespace, container.Name));
            }
        }
    }

    private static string Clock(long millis) => TimeSpan.FromMilliseconds(millis).ToString(@"mm\:ss", System.Globalization.CultureInfo.InvariantCulture);
}
