using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Networking;

namespace KubeKernel.Controllers.EndpointSlices;

/// <summary>
/// The EndpointSlice reconciler (<c>k8s.io/endpointslice</c>: <c>reconciler.go</c>, <c>utils.go</c>): which pods are
/// endpoints, their conditions and ports, and how they are packed into slices of at most 100.
/// </summary>
/// <remarks>
/// The packing follows <c>reconcileByPortMapping</c> step for step: (1) drop undesired and refresh changed
/// endpoints in place, (2) top up the slices already being updated, fullest first, (3) put what is left into
/// the unchanged slice that ends closest to full, else into new slices; empty slices are deleted, a create
/// paired with a delete becomes an update, and a service with no endpoints keeps one empty placeholder.
/// Where Kubernetes iterates sets in random order, the kernel goes by name (pods, slices, endpoints), so the
/// same pods always give the same slices.
/// </remarks>
internal static class EndpointSliceMath
{
    public const string AddressTypeIPv4 = "IPv4";

    /// <summary><c>ShouldPodBeInEndpoints(pod, includeTerminating: true)</c>: not Succeeded or Failed, and has an IP; terminating pods stay.</summary>
    public static bool ShouldPodBeInEndpoints(Pod pod) => !pod.IsTerminal && !string.IsNullOrEmpty(pod.Status.PodIP);

    /// <summary>
    /// <c>podToEndpoint</c>: serving = the pod is Ready; terminating = it is being deleted;
    /// ready = publishNotReadyAddresses, or serving and not terminating.
    /// </summary>
    /// <remarks>
    /// <list type="table">
    /// <listheader><term>Ready, deleting, publishNotReady</term><description>ready / serving / terminating</description></listheader>
    /// <item><term>yes, no, no</term><description>true / true / false</description></item>
    /// <item><term>no, no, no</term><description>false / false / false</description></item>
    /// <item><term>yes, yes, no</term><description>false / true / true</description></item>
    /// <item><term>no, no, yes</term><description>true / false / false</description></item>
    /// </list>
    /// </remarks>
    public static Endpoint PodToEndpoint(Pod pod, Node? node, Service svc)
    {
        var serving = pod.IsReady;
        var terminating = pod.Metadata.IsBeingDeleted;
        var ready = svc.Spec.PublishNotReadyAddresses || (serving && !terminating);
        var zone = node?.Metadata.Labels.GetValueOrDefault("topology.kubernetes.io/zone");
        var hostname = !string.IsNullOrEmpty(pod.Spec.Hostname) && pod.Spec.Subdomain == svc.Metadata.Name && pod.Metadata.Namespace == svc.Metadata.Namespace
            ? pod.Spec.Hostname
            : null;
        return new Endpoint(
            [pod.Status.PodIP!],
            new EndpointConditions(ready, serving, terminating),
            hostname,
            string.IsNullOrEmpty(pod.Spec.NodeName) ? null : pod.Spec.NodeName,
            string.IsNullOrEmpty(zone) ? null : zone,
            new ObjectRef(Kinds.Pod.Kind, pod.Metadata.Namespace, pod.Metadata.Name, pod.Metadata.Uid));
    }

    /// <summary><c>getEndpointPorts</c>: every service port whose target port the pod resolves, in the service's order.</summary>
    public static ValueList<EndpointPort> EndpointPorts(Service svc, Pod pod) =>
        svc.Spec.Ports
            .Select(p => (Port: p, Number: FindPort(pod, p)))
            .Where(x => x.Number is not null)
            .Select(x => new EndpointPort(x.Port.Name ?? string.Empty, x.Port.Protocol, x.Number))
            .ToValueList();

    /// <summary>
    /// <c>podutil.FindPort</c>: a numeric target port as is; a named one is the container port with that name and
    /// the service port's protocol (sidecar init containers included); null when the pod has no such port.
    /// </summary>
    public static int? FindPort(Pod pod, ServicePort port)
    {
        if (port.TargetPort.IntValue is { } number)
        {
            return number;
        }

        var containers = pod.Spec.Containers.Concat(pod.Spec.InitContainers.Where(c => c.RestartPolicy == RestartPolicy.Always));
        return containers.SelectMany(c => c.Ports)
            .Where(p => p.Name == port.TargetPort.StringValue && p.Protocol == port.Protocol)
            .Select(p => (int?)p.ContainerPortNumber)
            .FirstOrDefault();
    }

    /// <summary><c>setEndpointSliceLabels</c>: the service's labels (reserved keys excepted), the headless marker, the service name and the manager.</summary>
    public static ValueMap<string, string> SliceLabels(Service svc)
    {
        var labels = svc.Metadata.Labels;
        foreach (var reserved in new[] { EndpointSliceLabels.ServiceName, EndpointSliceLabels.ManagedBy, EndpointSliceLabels.Headless })
        {
            labels = labels.Remove(reserved);
        }

        if (svc.Spec.IsHeadless || string.IsNullOrEmpty(svc.Spec.ClusterIP))
        {
            labels = labels.SetItem(EndpointSliceLabels.Headless, string.Empty);
        }

        return labels
            .SetItem(EndpointSliceLabels.ServiceName, svc.Metadata.Name)
            .SetItem(EndpointSliceLabels.ManagedBy, EndpointSliceLabels.ControllerName);
    }

    /// <summary><c>newEndpointSlice</c>: <c>generateName: &lt;service&gt;-</c>, the service as controller owner, no endpoints yet.</summary>
    public static EndpointSlice NewSlice(Service svc, ValueList<EndpointPort> ports) => new(
        new ObjectMeta
        {
            GenerateName = svc.Metadata.Name + "-",
            Namespace = svc.Metadata.Namespace,
            Labels = SliceLabels(svc),
            OwnerReferences = [new OwnerReference("v1", Kinds.Service.Kind, svc.Metadata.Name, svc.Metadata.Uid, Controller: true, BlockOwnerDeletion: true)],
        },
        AddressTypeIPv4,
        default,
        ports);

    /// <summary>True when the slice's controller owner is this very service (same UID, not an earlier service of the same name).</summary>
    public static bool OwnedBy(EndpointSlice slice, Service svc) =>
        slice.Metadata.OwnerReferences.Any(o => o.Controller && o.Kind == Kinds.Service.Kind && o.Uid == svc.Metadata.Uid);

    /// <summary>The endpoint's identity across reconciles (<c>hashEndpoint</c>): its addresses, hostname and target pod.</summary>
    public static string EndpointKey(Endpoint endpoint) =>
        $"{endpoint.TargetRef?.Namespace}/{endpoint.TargetRef?.Name}|{string.Join(",", endpoint.Addresses.Order(StringComparer.Ordinal))}|{endpoint.Hostname}";

    /// <summary>The reconcile of one service: the slices to create, update and delete so that they hold exactly the desired endpoints.</summary>
    /// <remarks><paramref name="nodes"/> looks up a node by name; pods on a missing node are skipped unless the service publishes not-ready addresses.</remarks>
    public static SlicePlan Plan(Service svc, IEnumerable<Pod> pods, IReadOnlyList<EndpointSlice> existing, Func<string, Node?> nodes, int maxEndpointsPerSlice)
    {
        var create = new List<EndpointSlice>();
        var update = new List<EndpointSlice>();
        var delete = new List<EndpointSlice>();
        var skipped = new List<string>();

        var ofType = existing.Where(s => s.AddressType == AddressTypeIPv4).OrderBy(s => s.Metadata.Name, StringComparer.Ordinal).ToList();
        var otherTypes = existing.Where(s => s.AddressType != AddressTypeIPv4).ToList();

        var existingByPorts = new SortedDictionary<string, List<EndpointSlice>>(StringComparer.Ordinal);
        foreach (var slice in ofType)
        {
            if (OwnedBy(slice, svc))
            {
                Group(existingByPorts, PortKey(slice.Ports)).Add(slice);
            }
            else
            {
                delete.Add(slice);
            }
        }

        var desiredByPorts = new SortedDictionary<string, (ValueList<EndpointPort> Ports, SortedDictionary<string, Endpoint> Endpoints)>(StringComparer.Ordinal);
        foreach (var pod in pods.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal))
        {
            if (!ShouldPodBeInEndpoints(pod))
            {
                continue;
            }

            var ports = EndpointPorts(svc, pod);
            var key = PortKey(ports);
            if (!desiredByPorts.TryGetValue(key, out var desired))
            {
                desired = (ports, new SortedDictionary<string, Endpoint>(StringComparer.Ordinal));
                desiredByPorts[key] = desired;
            }

            var node = string.IsNullOrEmpty(pod.Spec.NodeName) ? null : nodes(pod.Spec.NodeName);
            if (node is null && !svc.Spec.PublishNotReadyAddresses)
            {
                skipped.Add(pod.Metadata.Name);
                continue;
            }

            var endpoint = PodToEndpoint(pod, node, svc);
            desired.Endpoints[EndpointKey(endpoint)] = endpoint;
        }

        foreach (var (key, desired) in desiredByPorts)
        {
            var (c, u, d) = ReconcileByPortMapping(svc, existingByPorts.GetValueOrDefault(key) ?? [], desired.Endpoints, desired.Ports, maxEndpointsPerSlice);
            create.AddRange(c);
            update.AddRange(u);
            delete.AddRange(d);
        }

        foreach (var (key, slices) in existingByPorts)
        {
            if (!desiredByPorts.ContainsKey(key))
            {
                delete.AddRange(slices);
            }
        }

        if (ofType.Count == delete.Count && create.Count == 0)
        {
            // No endpoints at all: keep (or create) one empty placeholder slice.
            var placeholder = NewSlice(svc, default);
            if (delete.Count == 1 && IsPlaceholderLike(delete[0], placeholder))
            {
                delete.Clear();
            }
            else
            {
                create.Add(placeholder);
            }
        }

        // finalize: a create and a delete of the same service become one update of the slice that would go.
        for (var i = 0; i < delete.Count && create.Count > 0;)
        {
            if (delete[i].AddressType == create[^1].AddressType && OwnedBy(delete[i], svc))
            {
                var replacement = create[^1];
                update.Add(replacement with { Metadata = replacement.Metadata with { Name = delete[i].Metadata.Name, GenerateName = delete[i].Metadata.GenerateName } });
                create.RemoveAt(create.Count - 1);
                delete.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }

        delete.AddRange(otherTypes);
        return new SlicePlan(create.ToValueList(), update.ToValueList(), delete.ToValueList(), skipped.ToValueList());
    }

    /// <summary>
    /// <c>getSliceToFill</c>: the slice that will be closest to full once <paramref name="count"/> endpoints are added;
    /// null when none has room. Ties go to the first slice by name.
    /// </summary>
    /// <remarks>Max 100, adding 10: slices holding 95, 90, 50 → the one with 90 (exactly full); holding 95, 50 → 50.</remarks>
    public static EndpointSlice? SliceToFill(IEnumerable<EndpointSlice> slices, int count, int max)
    {
        var closest = max;
        EndpointSlice? best = null;
        foreach (var slice in slices)
        {
            var diff = max - (count + slice.Endpoints.Count);
            if (diff >= 0 && diff < closest)
            {
                closest = diff;
                best = slice;
                if (diff == 0)
                {
                    break;
                }
            }
        }

        return best;
    }

    private static (List<EndpointSlice> Create, List<EndpointSlice> Update, List<EndpointSlice> Delete) ReconcileByPortMapping(
        Service svc, List<EndpointSlice> existing, SortedDictionary<string, Endpoint> desired, ValueList<EndpointPort> ports, int max)
    {
        var byName = new SortedDictionary<string, EndpointSlice>(StringComparer.Ordinal);
        var unchanged = new SortedSet<string>(StringComparer.Ordinal);
        var toUpdate = new SortedSet<string>(StringComparer.Ordinal);
        var toDelete = new SortedSet<string>(StringComparer.Ordinal);
        var labels = SliceLabels(svc);

        // 1. Drop endpoints no longer desired and refresh the ones that changed.
        foreach (var slice in existing)
        {
            byName[slice.Metadata.Name] = slice;
            var kept = new List<Endpoint>();
            var changed = false;
            foreach (var endpoint in slice.Endpoints)
            {
                var key = EndpointKey(endpoint);
                if (desired.Remove(key, out var wanted))
                {
                    kept.Add(wanted);
                    changed |= wanted != endpoint;
                }
            }

            if (changed || kept.Count != slice.Endpoints.Count)
            {
                if (kept.Count == 0)
                {
                    toDelete.Add(slice.Metadata.Name);
                }
                else
                {
                    byName[slice.Metadata.Name] = slice with { Endpoints = kept.ToValueList(), Metadata = slice.Metadata with { Labels = labels } };
                    toUpdate.Add(slice.Metadata.Name);
                }
            }
            else if (slice.Metadata.Labels != labels)
            {
                byName[slice.Metadata.Name] = slice with { Metadata = slice.Metadata with { Labels = labels } };
                toUpdate.Add(slice.Metadata.Name);
            }
            else
            {
                unchanged.Add(slice.Metadata.Name);
            }
        }

        // 2. Top up the slices already being updated, fullest first.
        if (desired.Count > 0 && toUpdate.Count > 0)
        {
            foreach (var name in toUpdate.OrderByDescending(n => byName[n].Endpoints.Count).ThenBy(n => n, StringComparer.Ordinal).ToList())
            {
                byName[name] = Fill(byName[name], desired, max);
            }
        }

        // 3. The rest go into the unchanged slice that ends closest to full, else into new slices.
        var create = new List<EndpointSlice>();
        while (desired.Count > 0)
        {
            EndpointSlice? target = null;
            if (desired.Count < max && unchanged.Count > 0)
            {
                target = SliceToFill(unchanged.Select(n => byName[n]), desired.Count, max);
            }

            target = Fill(target ?? NewSlice(svc, ports), desired, max);
            if (target.Metadata.Name.Length > 0)
            {
                byName[target.Metadata.Name] = target;
                toUpdate.Add(target.Metadata.Name);
                unchanged.Remove(target.Metadata.Name);
            }
            else
            {
                create.Add(target);
            }
        }

        return (create, toUpdate.Select(n => byName[n]).ToList(), toDelete.Select(n => byName[n]).ToList());
    }

    private static EndpointSlice Fill(EndpointSlice slice, SortedDictionary<string, Endpoint> desired, int max)
    {
        var endpoints = slice.Endpoints;
        while (desired.Count > 0 && endpoints.Count < max)
        {
            var first = desired.First();
            desired.Remove(first.Key);
            endpoints = endpoints.Add(first.Value);
        }

        return slice with { Endpoints = endpoints };
    }

    /// <summary>A canonical key of a port list, so slices and pods with the same resolved ports group together.</summary>
    private static string PortKey(ValueList<EndpointPort> ports) =>
        string.Join(";", ports.Select(p => $"{p.Name}/{p.Protocol}/{p.Port}").Order(StringComparer.Ordinal));

    /// <summary><c>placeholderSliceCompare</c>: same namespace, labels, owners, address type, no endpoints and no ports.</summary>
    private static bool IsPlaceholderLike(EndpointSlice slice, EndpointSlice placeholder) =>
        slice.Metadata.Namespace == placeholder.Metadata.Namespace &&
        slice.Metadata.Labels == placeholder.Metadata.Labels &&
        slice.Metadata.OwnerReferences == placeholder.Metadata.OwnerReferences &&
        slice.AddressType == placeholder.AddressType &&
        slice.Endpoints.IsEmpty && slice.Ports.IsEmpty;

    private static List<EndpointSlice> Group(SortedDictionary<string, List<EndpointSlice>> groups, string key)
    {
        if (!groups.TryGetValue(key, out var list))
        {
            list = [];
            groups[key] = list;
        }

        return list;
    }
}
