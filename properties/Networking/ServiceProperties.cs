using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Collections;
using KubeKernel.Invariants;
using KubeKernel.Model;
using KubeKernel.Networking;
using KubeKernel.Properties.Support;
using KubeKernel.Simulation;

namespace KubeKernel.Properties.Networking;

/// <summary>Laws over random sequences of service creates, edits (type changes, port edits, requested values) and deletes, and over whole cluster histories with services.</summary>
public class ServiceProperties
{
    private static readonly Invariant[] AllocationInvariants =
    [
        NetworkingInvariants.NodePortsUnique,
        NetworkingInvariants.NodePortsInRange,
        NetworkingInvariants.ClusterIPsUniqueAndInRange,
    ];

    private static readonly Arbitrary<(ClusterConfig Config, ValueList<ServiceOp> Ops)> Sequences = Arb.From(NetworkingGen.Sequence());

    [Fact]
    public void Allocation_invariants_hold_after_every_request_and_a_rejected_request_changes_nothing() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Sequences, sequence =>
        {
            var state = ClusterState.Initial(sequence.Config);
            foreach (var op in sequence.Ops)
            {
                var (next, result) = op.Run(state);
                if (result is { IsSuccess: false } && next != state)
                {
                    throw new InvalidOperationException($"{op} was rejected ({result}) but changed the state");
                }

                foreach (var invariant in AllocationInvariants)
                {
                    if (invariant.Violations(state, next) is [var first, ..])
                    {
                        throw new InvalidOperationException($"{invariant.Id} violated after {op} ({result}): {first}");
                    }
                }

                state = next;
            }

            return true;
        }));

    [Fact]
    public void Dynamic_allocations_are_the_lowest_free_values_of_the_dynamic_band() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Sequences, sequence =>
        {
            var state = ClusterState.Initial(sequence.Config);
            foreach (var op in sequence.Ops)
            {
                var (next, result) = op.Run(state);
                if (op is SubmitOp { Service: var asked } && result is { IsSuccess: true, Code: 201, Object: Service stored })
                {
                    var (ips, ports) = ServiceAllocations.Used(state.Store);
                    if (asked.Spec.ClusterIP is null && stored.Spec.ClusterIP is { } ip && ip != "None" &&
                        ip != IPv4.Format(ClusterIPAllocator.Next(sequence.Config.ServiceClusterIPRange, ips)!.Value))
                    {
                        throw new InvalidOperationException($"{asked.Metadata.Name} got {ip}, not the lowest free address");
                    }

                    if (asked.Spec.Ports.All(p => p.NodePort is null) && asked.Spec.HealthCheckNodePort is null)
                    {
                        // Without requests, the node ports are the successive lowest free ones (a TCP/UDP pair sharing one).
                        var expected = new List<int>();
                        foreach (var port in stored.Spec.Ports.Where(p => p.NodePort is not null).DistinctBy(p => p.Port))
                        {
                            var free = NodePortAllocator.Next(sequence.Config.ServiceNodePortRange, ports)!.Value;
                            ports.Add(free);
                            expected.Add(free);
                        }

                        var actual = stored.Spec.Ports.Where(p => p.NodePort is not null).DistinctBy(p => p.Port).Select(p => p.NodePort!.Value).ToList();
                        if (!expected.SequenceEqual(actual))
                        {
                            throw new InvalidOperationException($"{asked.Metadata.Name} got node ports [{string.Join(",", actual)}], expected [{string.Join(",", expected)}]");
                        }
                    }
                }

                state = next;
            }

            return true;
        }));

    [Fact]
    public void After_a_delete_the_next_allocation_is_the_lower_of_the_freed_value_and_the_previous_next() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Sequences, sequence =>
        {
            var config = sequence.Config;
            var state = ClusterState.Initial(config);
            foreach (var op in sequence.Ops)
            {
                var (next, result) = op.Run(state);
                if (op is DeleteOp delete && result is { IsSuccess: true } && state.Store.Get<Service>(delete.Namespace, delete.Name) is { } gone)
                {
                    var probe = new Service(new ObjectMeta { Name = "probe", Namespace = "default" }, new ServiceSpec { Type = ServiceType.NodePort, Ports = [new ServicePort(null, "TCP", 80, default)] }, ServiceStatus.Empty);
                    var (ips, ports) = ServiceAllocations.Used(state.Store);
                    var (_, probed) = new SubmitOp(probe).Run(next);
                    var got = probed?.Object as Service;
                    var dynamicIPs = AllocationBands.ForServiceCidr(config.ServiceClusterIPRange);
                    var first = ClusterIPAllocator.FirstAddress(config.ServiceClusterIPRange);
                    foreach (var freed in ServiceAllocations.ClusterIPsOf(gone).Where(a => a - first >= dynamicIPs.Offset))
                    {
                        var before = ClusterIPAllocator.Next(config.ServiceClusterIPRange, ips);
                        var want = before is { } b && b - first >= dynamicIPs.Offset ? Math.Min(b, freed) : freed;
                        if (got?.Spec.ClusterIP != IPv4.Format(want))
                        {
                            throw new InvalidOperationException($"after deleting {gone.Metadata.Name} ({IPv4.Format(freed)}) the next service got {got?.Spec.ClusterIP}, expected {IPv4.Format(want)}");
                        }
                    }

                    var dynamicPorts = AllocationBands.ForNodePorts(config.ServiceNodePortRange);
                    var freedPorts = ServiceAllocations.NodePortsOf(gone).Where(p => p - config.ServiceNodePortRange.Base >= dynamicPorts.Offset).ToList();
                    var previous = NodePortAllocator.Next(config.ServiceNodePortRange, ports);
                    if (freedPorts.Count > 0 && previous is { } p && p - config.ServiceNodePortRange.Base >= dynamicPorts.Offset &&
                        got?.Spec.Ports[0].NodePort != Math.Min(p, freedPorts.Min()))
                    {
                        throw new InvalidOperationException($"after deleting {gone.Metadata.Name} the next service got node port {got?.Spec.Ports[0].NodePort}, expected {Math.Min(p, freedPorts.Min())}");
                    }
                }

                state = next;
            }

            return true;
        }));

    [Fact]
    public void The_same_requests_give_the_same_allocations() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Sequences, sequence =>
        {
            ClusterState Run() => sequence.Ops.Aggregate(ClusterState.Initial(sequence.Config), (s, op) => op.Run(s).State);
            return Run() == Run();
        }));

    [Fact]
    public void Endpoints_and_proxy_rules_match_the_pods_whenever_the_cluster_is_quiescent() =>
        Check.One(PropertyBudget.Config, Prop.ForAll(Arb.From(NetworkingGen.History()), history =>
        {
            var simulation = ClusterSimulation.Start(ClusterState.Initial(), history);
            foreach (var step in history.Steps.Append(new AdvanceStep(60_000)))
            {
                simulation.Run(step);
                foreach (var invariant in InvariantCatalog.All.Where(i => i.Id.StartsWith("Endpoint", StringComparison.Ordinal) || i.Id.StartsWith("Proxy", StringComparison.Ordinal)))
                {
                    if (invariant.Violations(null, simulation.State) is [var first, ..])
                    {
                        throw new InvalidOperationException($"{invariant.Id} violated after {step}: {first}");
                    }
                }
            }

            return true;
        }));
}
