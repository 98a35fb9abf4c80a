using KubeKernel.Collections;

namespace KubeKernel.Controllers.Services;

/// <summary>What the service controller remembers per service (its cache): the load balancer's phase with the cloud provider.</summary>
/// <remarks>Losing it (a restart) is harmless: the controller ensures every load balancer again, and the cloud answers the same.</remarks>
internal sealed record ServiceControllerMemory(ValueMap<string, LoadBalancerRecord> Services) : ControllerMemory
{
    public static ServiceControllerMemory Empty { get; } = new(default(ValueMap<string, LoadBalancerRecord>));

    public static ServiceControllerMemory Of(ClusterState state) => state.MemoryOf<ServiceControllerMemory>(ServiceController.Name) ?? Empty;

    /// <summary>The services with a load balancer record: a relist reconciles them, so a load balancer whose service's deletion went unseen is released.</summary>
    public override IEnumerable<string> RememberedKeys() => Services.Keys;

    /// <summary>The record for the service with this UID, or null when there is none (or it belonged to an earlier service of the same name).</summary>
    public LoadBalancerRecord? For(string key, string uid) => Services.TryGetValue(key, out var record) && record.Uid == uid ? record : null;

    public ServiceControllerMemory With(string key, LoadBalancerRecord? record) =>
        new(record is null ? Services.Remove(key) : Services.SetItem(key, record));
}
