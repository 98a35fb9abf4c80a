using System.Globalization;
using KubeKernel.Api.Validation;
using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Model;
using KubeKernel.Networking;

namespace KubeKernel.Api.Admission;

/// <summary>
/// The Service registry's allocation step (<c>beginCreate</c>/<c>beginUpdate</c> and <c>alloc.go</c>): cluster IPs
/// and node ports are allocated, checked and released as a service is created, updated or deleted.
/// </summary>
/// <remarks>
/// It runs after defaulting and before validation, as in Kubernetes, and is atomic: a request that fails
/// here is rejected with Kubernetes' text and nothing is stored. Release needs no step: the pools are read
/// off the stored Services, so a deleted service (or one whose type no longer needs a value) frees it.
/// Only a single-stack IPv4 cluster is modelled.
/// </remarks>
internal static class ServiceAllocation
{
    public const string IPv4Family = "IPv4";

    /// <summary>The object with its allocations filled in, or the rejection; objects other than Services pass through.</summary>
    public static (KubeObject Object, ApiResult? Rejection) Allocate(ClusterState state, KubeObject obj, KubeObject? old)
    {
        if (obj is not Service svc)
        {
            return (obj, null);
        }

        var before = old as Service;
        var (ips, ports) = ServiceAllocations.Used(state.Store, before?.Key);
        var pools = new Pools(state.Config.ServiceClusterIPRange, state.Config.ServiceNodePortRange, ips, ports, state.Config.NodePortPicker);
        var result = before is null ? Create(svc, pools) : Update(ServiceUpdateStrategy.PatchAllocatedValues(svc, before), before, pools);
        return result.Error switch
        {
            null => (result.Service, null),
            { Code: 500 } internalError => (obj, new ApiResult(500, "InternalError", $"Internal error occurred: {internalError.Causes[0]}")),
            var invalid => (obj, ApiResult.Invalid(Kinds.Service, svc.Metadata.Name, invalid.Causes)),
        };
    }

    private static Result Create(Service svc, Pools pools)
    {
        svc = ServiceUpdateStrategy.NormalizeClusterIPs(svc, null);
        if (InitIPFamilies(svc) is not { } withFamilies)
        {
            return Result.Rejected(IPFamilyErrors(svc));
        }

        var allocated = AllocateClusterIPs(withFamilies, pools);
        if (allocated.Error is not null)
        {
            return allocated;
        }

        svc = allocated.Service;
        var op = new NodePortOperation(pools, []);
        if (ServiceUpdateStrategy.NeedsNodePort(svc))
        {
            var (withPorts, portError) = InitNodePorts(svc, op);
            if (portError is not null)
            {
                return Result.Rejected(portError);
            }

            svc = withPorts;
        }

        if (ServiceUpdateStrategy.NeedsHealthCheck(svc))
        {
            var (withHealth, healthError) = AllocateHealthCheckNodePort(svc, op);
            if (healthError is not null)
            {
                return Result.Rejected(healthError);
            }

            svc = withHealth;
        }

        return new Result(svc, null);
    }

    private static Result Update(Service svc, Service old, Pools pools)
    {
        svc = ServiceUpdateStrategy.NormalizeClusterIPs(svc, old);
        if (InitIPFamilies(svc) is not { } withFamilies)
        {
            return Result.Rejected(IPFamilyErrors(svc));
        }

        svc = withFamilies;

        // ExternalName → a type with a virtual IP allocates one; the reverse releases it (by no longer holding it).
        if (old.Spec.Type == ServiceType.ExternalName && svc.Spec.Type != ServiceType.ExternalName)
        {
            var allocated = AllocateClusterIPs(svc, pools);
            if (allocated.Error is not null)
            {
                return allocated;
            }

            svc = allocated.Service;
        }

        // The old service's ports stay allocated to it until the update commits, so new ports never reuse them.
        var op = new NodePortOperation(pools, ServiceAllocations.NodePortsOf(old));
        if (ServiceUpdateStrategy.NeedsNodePort(svc))
        {
            var (withPorts, portError) = UpdateNodePorts(svc, old, op);
            if (portError is not null)
            {
                return Result.Rejected(portError);
            }

            svc = withPorts;
        }

        if (!ServiceUpdateStrategy.NeedsHealthCheck(old) && ServiceUpdateStrategy.NeedsHealthCheck(svc))
        {
            var (withHealth, healthError) = AllocateHealthCheckNodePort(svc, op);
            if (healthError is not null)
            {
                return Result.Rejected(healthError);
            }

            svc = withHealth;
        }

        return new Result(ServiceUpdateStrategy.DropTypeDependentFields(svc, old), null);
    }

    /// <summary><c>initIPFamilyFields</c> for a single-stack IPv4 cluster: families default to IPv4, any other is refused.</summary>
    private static Service? InitIPFamilies(Service svc)
    {
        if (svc.Spec.Type == ServiceType.ExternalName)
        {
            return svc;
        }

        if (IPFamilyErrors(svc).Causes.Count > 0)
        {
            return null;
        }

        return svc.Spec.IPFamilies.IsEmpty ? svc with { Spec = svc.Spec with { IPFamilies = [IPv4Family] } } : svc;
    }

    private static Rejection IPFamilyErrors(Service svc)
    {
        var errors = new FieldErrors();
        ServiceValidation.ValidateClusterIPsRelatedFields(errors, svc);
        if (!errors.Any)
        {
            for (var i = 0; i < svc.Spec.IPFamilies.Count; i++)
            {
                if (svc.Spec.IPFamilies[i] != IPv4Family)
                {
                    errors.Invalid($"spec.ipFamilies[{i}]", svc.Spec.IPFamilies[i], "not configured on this cluster");
                }
            }
        }

        return new Rejection(422, errors.All);
    }

    /// <summary><c>allocClusterIPs</c>: none for ExternalName and headless services; the requested address checked, else the lowest free one.</summary>
    private static Result AllocateClusterIPs(Service svc, Pools pools)
    {
        if (svc.Spec.Type == ServiceType.ExternalName || svc.Spec.ClusterIPs.FirstOrDefault() == "None")
        {
            return new Result(svc, null);
        }

        var requested = svc.Spec.ClusterIPs.FirstOrDefault() ?? string.Empty;
        string ip;
        if (requested.Length == 0)
        {
            if (ClusterIPAllocator.Next(pools.Range, pools.ClusterIPs) is not { } next)
            {
                return Result.Rejected(Rejection.Internal($"failed to allocate a serviceIP: {ClusterIPAllocator.FullMessage}"));
            }

            ip = IPv4.Format(next);
        }
        else if (ClusterIPAllocator.Check(pools.Range, pools.ClusterIPs, requested) is { } error)
        {
            var listed = new RawValue("[" + string.Join(",", svc.Spec.ClusterIPs.Select(i => $"\"{i}\"")) + "]");
            return Result.Rejected(Rejection.Invalid($"spec.clusterIPs: Invalid value: {FieldErrors.Render(listed)}: failed to allocate IP {requested}: {error}"));
        }
        else
        {
            ip = requested;
        }

        return new Result(svc with { Spec = svc.Spec with { ClusterIP = ip, ClusterIPs = [ip] } }, null);
    }

    /// <summary>
    /// <c>initNodePorts</c>: each port gets its requested node port or the lowest free one; ports with the same
    /// number (a TCP/UDP pair) share one node port. Requests are honoured even when
    /// <c>allocateLoadBalancerNodePorts</c> is false.
    /// </summary>
    private static (Service, Rejection?) InitNodePorts(Service svc, NodePortOperation op)
    {
        var ports = svc.Spec.Ports.ToList();
        var byServicePort = new Dictionary<int, int>();
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            if (port.NodePort is null or 0 && !ShouldAllocateNodePorts(svc))
            {
                continue;
            }

            if (!byServicePort.TryGetValue(port.Port, out var shared))
            {
                // Any later entry with the same port number that names a node port asks for it for both.
                var requested = ports.Skip(i).FirstOrDefault(p => p.Port == port.Port && p.NodePort is > 0)?.NodePort ?? 0;
                if (requested != 0)
                {
                    if (op.Allocate(requested) is { } error)
                    {
                        return (svc, NodePortInvalid(i, requested, error));
                    }

                    ports[i] = port with { NodePort = requested };
                    byServicePort[port.Port] = requested;
                }
                else
                {
                    if (op.AllocateNext() is not { } next)
                    {
                        return (svc, Rejection.Internal($"failed to allocate a nodePort: {NodePortAllocator.FullMessage}"));
                    }

                    ports[i] = port with { NodePort = next };
                    byServicePort[port.Port] = next;
                }
            }
            else if ((port.NodePort ?? 0) != shared)
            {
                if (port.NodePort is null or 0)
                {
                    ports[i] = port with { NodePort = shared };
                }
                else if (op.Allocate(port.NodePort.Value) is { } error)
                {
                    return (svc, NodePortInvalid(i, port.NodePort.Value, error));
                }
            }
        }

        return (svc with { Spec = svc.Spec with { Ports = ports.ToValueList() } }, null);
    }

    /// <summary><c>updateNodePorts</c>: ports the service already held are kept, new requests are checked, the rest allocated lowest first.</summary>
    private static (Service, Rejection?) UpdateNodePorts(Service svc, Service old, NodePortOperation op)
    {
        var held = ServiceAllocations.NodePortsOf(old).ToHashSet();
        var ports = svc.Spec.Ports.ToList();
        var allocatedNow = new HashSet<int>();
        var seen = new HashSet<(string, int)>();
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            if (port.NodePort is null or 0 && !ShouldAllocateNodePorts(svc))
            {
                continue;
            }

            if (port.NodePort is > 0 and var requested)
            {
                if (!held.Contains(requested) && allocatedNow.Add(requested) && op.Allocate(requested) is { } error)
                {
                    return (svc, NodePortInvalid(i, requested, error));
                }
            }
            else
            {
                if (op.AllocateNext() is not { } next)
                {
                    return (svc, Rejection.Internal($"failed to allocate a nodePort: {NodePortAllocator.FullMessage}"));
                }

                port = port with { NodePort = next };
                ports[i] = port;
            }

            if (!seen.Add((port.Protocol, port.NodePort!.Value)))
            {
                return (svc, Rejection.Internal(string.Create(CultureInfo.InvariantCulture, $"duplicate nodePort: {{{port.Protocol} {port.NodePort}}}")));
            }
        }

        return (svc with { Spec = svc.Spec with { Ports = ports.ToValueList() } }, null);
    }

    /// <summary><c>allocHealthCheckNodePort</c>: the requested health-check port, else the lowest free one.</summary>
    private static (Service, Rejection?) AllocateHealthCheckNodePort(Service svc, NodePortOperation op)
    {
        if (svc.Spec.HealthCheckNodePort is > 0 and var requested)
        {
            return op.Allocate(requested) is { } error
                ? (svc, Rejection.Internal(string.Create(CultureInfo.InvariantCulture, $"failed to allocate requested HealthCheck NodePort {requested}: {error}")))
                : (svc, null);
        }

        return op.AllocateNext() is { } next
            ? (svc with { Spec = svc.Spec with { HealthCheckNodePort = next } }, null)
            : (svc, Rejection.Internal($"failed to allocate a HealthCheck NodePort 0: {NodePortAllocator.FullMessage}"));
    }

    private static bool ShouldAllocateNodePorts(Service svc) =>
        svc.Spec.Type == ServiceType.NodePort || (svc.Spec.Type == ServiceType.LoadBalancer && svc.Spec.AllocateLoadBalancerNodePorts != false);

    private static Rejection NodePortInvalid(int index, int port, string error) =>
        Rejection.Invalid(string.Create(CultureInfo.InvariantCulture, $"spec.ports[{index}].nodePort: Invalid value: {port}: {error}"));

    /// <summary>What one request allocates from: the two ranges, what other services hold, and how a free node port is picked.</summary>
    /// <param name="Range">The service cluster IP range.</param>
    /// <param name="NodePorts">The service node-port range.</param>
    /// <param name="ClusterIPs">The cluster IPs other services hold.</param>
    /// <param name="Used">The node ports other services hold.</param>
    /// <param name="PickNodePort">The dynamic node-port pick (<see cref="ClusterConfig.NodePortPicker"/>: <see cref="NodePortAllocator.Next"/> unless a checker seeds a bug).</param>
    private sealed record Pools(IPv4Cidr Range, PortRange NodePorts, HashSet<uint> ClusterIPs, HashSet<int> Used, Func<PortRange, IReadOnlySet<int>, int?> PickNodePort);

    /// <summary>A rejection: 422 with field causes, or 500 for an exhausted pool (Kubernetes returns an InternalError there).</summary>
    private sealed record Rejection(int Code, IReadOnlyList<string> Causes)
    {
        public static Rejection Invalid(string cause) => new(422, [cause]);

        public static Rejection Internal(string message) => new(500, [message]);
    }

    private sealed record Result(Service Service, Rejection? Error)
    {
        public static Result Rejected(Rejection error) => new(null!, error);
    }

    /// <summary>One request's node-port allocations, on top of what other services (and the old version of this one) hold.</summary>
    private sealed class NodePortOperation(Pools pools, IEnumerable<int> alreadyHeld)
    {
        private readonly HashSet<int> used = Union(pools.Used, alreadyHeld);

        private static HashSet<int> Union(IEnumerable<int> held, IEnumerable<int> more)
        {
            var set = new HashSet<int>(held);
            set.UnionWith(more);
            return set;
        }

        public string? Allocate(int port)
        {
            if (NodePortAllocator.Check(pools.NodePorts, used, port) is { } error)
            {
                return error;
            }

            used.Add(port);
            return null;
        }

        public int? AllocateNext()
        {
            if (pools.PickNodePort(pools.NodePorts, used) is not { } next)
            {
                return null;
            }

            used.Add(next);
            return next;
        }
    }
}
