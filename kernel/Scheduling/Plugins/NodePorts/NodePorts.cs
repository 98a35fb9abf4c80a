using System.Collections.Immutable;

namespace KubeKernel.Scheduling.Plugins;

/// <summary>Filter: the host ports the pod asks for (protocol, port, host IP) are free on the node.</summary>
internal sealed class NodePorts : IPreFilterPlugin, IFilterPlugin
{
    public const string Reason = "node(s) didn't have free ports for the requested pod ports";

    private static readonly Status Rejected = Status.Unschedulable(nameof(NodePorts), Reason);

    public string Name => nameof(NodePorts);

    public ClusterEvents EventsToRegister => ClusterEvents.AssignedPodDelete | ClusterEvents.NodeAdd;

    /// <summary>Skip when the pod claims no host port.</summary>
    public PluginResult PreFilter(CycleContext cycle) =>
        cycle.PodInfo.HostPorts.IsEmpty ? PluginResult.Skip : PluginResult.Ok(cycle.PodInfo.HostPorts);

    public Status Filter(CycleContext cycle, object? state, NodeInfo node)
    {
        var wanted = (ImmutableArray<HostPort>)state!;
        foreach (var pod in node.Pods)
        {
            foreach (var used in pod.HostPorts)
            {
                foreach (var port in wanted)
                {
                    if (port.ConflictsWith(used))
                    {
                        return Rejected;
                    }
                }
            }
        }

        return Status.Success;
    }
}
