using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Networking;

namespace KubeKernel.Simulation;

/// <summary>A deterministic cloud for simulations: load balancers come up at once, with addresses from a documentation range.</summary>
/// <remarks>
/// Each service (by UID) keeps one address, the lowest free one of <c>Pool</c> (203.0.113.0/24, TEST-NET-3 of RFC 5737,
/// so no simulated address is ever routable), and gets it back on every re-ensure; deleting frees it. A scenario can make
/// the next <c>N</c> provisioning requests of a service fail, to exercise the service controller's retries.
/// Real runs must use a provider whose addresses lie in 127.0.0.0/8.
/// </remarks>
/// <param name="Pool">The range addresses are handed out from, lowest free first (network and broadcast addresses excluded).</param>
/// <param name="Assigned">Each provisioned service's address, by service UID.</param>
/// <param name="FailNext">Provisioning requests still to fail, by service <c>namespace/name</c> (see <see cref="Failing"/>).</param>
public sealed record SimulatedCloud(IPv4Cidr Pool, ValueMap<string, string> Assigned, ValueMap<string, int> FailNext) : ICloudProvider
{
    /// <summary>The message of a provisioning request failed on purpose (<see cref="Failing"/>), as the service controller's event quotes it.</summary>
    public const string FailureMessage = "simulated cloud: no capacity for a load balancer";

    /// <summary>A cloud with the 203.0.113.0/24 pool, no load balancers and no failures planned.</summary>
    public static SimulatedCloud Default { get; } = new(IPv4Cidr.Parse("203.0.113.0/24"), default, default);

    /// <summary>This cloud, failing the next <paramref name="times"/> provisioning requests for the service <c>namespace/name</c>.</summary>
    public SimulatedCloud Failing(string serviceKey, int times) => this with { FailNext = FailNext.SetItem(serviceKey, times) };

    /// <inheritdoc/>
    /// <remarks>
    /// <c>ProvisionLoadBalancer</c> is answered at once with <c>LoadBalancerProvisioned</c> (the service's address), or
    /// <c>LoadBalancerProvisioningFailed</c> when a failure is planned or the pool is exhausted; <c>DeleteLoadBalancer</c>
    /// frees the address and answers <c>LoadBalancerDeleted</c>. Other commands change nothing and answer nothing.
    /// </remarks>
    public (ICloudProvider Provider, IReadOnlyList<ClusterEvent> Events) Handle(Command command)
    {
        switch (command)
        {
            case ProvisionLoadBalancer provision:
                var service = provision.Service.Ref;
                var key = service.Key.NamespacedName;
                if (FailNext.GetValueOrDefault(key) is > 0 and var left)
                {
                    return (this with { FailNext = left == 1 ? FailNext.Remove(key) : FailNext.SetItem(key, left - 1) }, [new LoadBalancerProvisioningFailed(service, FailureMessage)]);
                }

                if (Address(service.Uid) is not { } ip)
                {
                    return (this, [new LoadBalancerProvisioningFailed(service, $"simulated cloud: address pool {Pool} is exhausted")]);
                }

                return (this with { Assigned = Assigned.SetItem(service.Uid, ip) }, [new LoadBalancerProvisioned(service, [new LoadBalancerIngress(ip, null)])]);
            case DeleteLoadBalancer delete:
                return (this with { Assigned = Assigned.Remove(delete.Service.Uid) }, [new LoadBalancerDeleted(delete.Service)]);
            case Reply or Persist or RecordEvent or SyncPod or KillContainer or RunProbe or ProgramService:
                // Not the cloud's business.
                return (this, []);
            default:
                return (this, []);
        }
    }

    /// <summary>The service's address: the one it has, else the lowest free one of the pool (network and broadcast excluded).</summary>
    private string? Address(string uid)
    {
        if (Assigned.TryGetValue(uid, out var ip))
        {
            return ip;
        }

        var taken = Assigned.Values.Select(IPv4.Parse).ToHashSet();
        for (var address = Pool.Network + 1; address < Pool.Broadcast; address++)
        {
            if (!taken.Contains(address))
            {
                return IPv4.Format(address);
            }
        }

        return null;
    }
}
