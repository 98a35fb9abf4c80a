using KubeKernel.Collections;

namespace KubeKernel.Networking;

/// <summary>What each node's kube-proxy has programmed, per service and node: the rules last sent in <c>ProgramService</c>.</summary>
/// <remarks>
/// It stands for the iptables/nftables state on the nodes; a restarted kube-proxy starts empty and programs
/// everything again on its next sync, as the real one does.
/// </remarks>
internal sealed record KubeProxyMemory(ValueMap<string, ValueMap<string, ValueList<ProxyRule>>> Programmed) : ControllerMemory
{
    public static KubeProxyMemory Empty { get; } = new(default(ValueMap<string, ValueMap<string, ValueList<ProxyRule>>>));

    public static KubeProxyMemory Of(ClusterState state) => state.MemoryOf<KubeProxyMemory>(KubeProxyController.Name) ?? Empty;

    /// <summary>The services with rules programmed: a relist reconciles them, so rules of a service whose deletion went unseen go.</summary>
    public override IEnumerable<string> RememberedKeys() => Programmed.Keys;

    public ValueMap<string, ValueList<ProxyRule>> For(string serviceKey) => Programmed.GetValueOrDefault(serviceKey);

    public KubeProxyMemory With(string serviceKey, ValueMap<string, ValueList<ProxyRule>> rules) =>
        new(rules.IsEmpty ? Programmed.Remove(serviceKey) : Programmed.SetItem(serviceKey, rules));
}
