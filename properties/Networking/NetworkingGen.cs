using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.Networking;
using KubeKernel.Simulation;

namespace KubeKernel.Properties.Networking;

/// <summary>Generators for Services and service request sequences, as a small grammar: names, types, ports, requested values.</summary>
/// <remarks>
/// Requested node ports and cluster IPs come from a short list that collides often and straddles both ranges' edges,
/// so collisions, out-of-range requests, static-band requests and exhaustion (the small configuration has 20 node
/// ports and 14 cluster IPs) all happen in a hundred cases.
/// </remarks>
public static class NetworkingGen
{
    public static readonly Gen<string> Name = Gen.Elements("a", "b", "c", "d");

    public static readonly Gen<string> Namespace = Gen.Frequency((3, Gen.Constant("default")), (1, Gen.Constant("kube-public")));

    public static readonly Gen<ServiceType> Type = Gen.Frequency(
        (3, Gen.Constant(ServiceType.ClusterIP)), (4, Gen.Constant(ServiceType.NodePort)), (2, Gen.Constant(ServiceType.LoadBalancer)), (1, Gen.Constant(ServiceType.ExternalName)));

    public static readonly Gen<int?> RequestedNodePort = Gen.Frequency(
        (8, Gen.Constant<int?>(null)),
        (4, Gen.Elements<int?>(30000, 30001, 30016, 30017, 30019, 30086, 30087, 32767)),
        (1, Gen.Elements<int?>(29999, 30020, 32768)));

    public static readonly Gen<string?> RequestedClusterIP = Gen.Frequency(
        (8, Gen.Constant<string?>(null)),
        (1, Gen.Constant<string?>("None")),
        (2, Gen.Elements<string?>("10.96.0.10", "10.96.0.14", "10.96.1.1", "10.96.1.2")),
        (1, Gen.Elements<string?>("10.0.0.1", "10.96.0.0")));

    public static Gen<ServicePort> Port(int index) =>
        from port in Gen.Elements(53, 80, 443)
        from protocol in Gen.Frequency((3, Gen.Constant("TCP")), (1, Gen.Constant("UDP")))
        from nodePort in RequestedNodePort
        select new ServicePort($"p{index}", protocol, port, IntOrString.FromInt(8080 + index), nodePort);

    public static readonly Gen<ValueList<ServicePort>> Ports =
        Gen.Choose(1, 3).SelectMany(n => Gen.CollectToList(Enumerable.Range(0, n).Select(Port))).Select(p => p.ToValueList());

    public static Gen<Service> Service =>
        from name in Name
        from ns in Namespace
        from type in Type
        from ports in Ports
        from ip in RequestedClusterIP
        from local in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from noNodePorts in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Service(
            new ObjectMeta { Name = name, Namespace = ns },
            new ServiceSpec
            {
                Type = type,
                Ports = ports,
                Selector = ValueMap.Of(("app", name)),
                ClusterIP = type == ServiceType.ExternalName ? null : ip,
                ExternalName = type == ServiceType.ExternalName ? $"{name}.example.com" : null,
                ExternalTrafficPolicy = local && type is ServiceType.NodePort or ServiceType.LoadBalancer ? "Local" : null,
                AllocateLoadBalancerNodePorts = noNodePorts && type == ServiceType.LoadBalancer ? false : null,
            },
            ServiceStatus.Empty);

    public static Gen<ServiceOp> Op => Gen.Frequency(
        (5, Service.Select(s => (ServiceOp)new SubmitOp(s))),
        (4, from name in Name
            from ns in Namespace
            from edit in Gen.Elements(ServiceEdit.ChangeType, ServiceEdit.ReplacePorts, ServiceEdit.RequestNodePort, ServiceEdit.RequestClusterIP)
            from type in Type
            from ports in Ports
            from nodePort in RequestedNodePort
            from ip in RequestedClusterIP
            select (ServiceOp)new EditOp(ns, name, edit, type, ports, nodePort ?? 30001, ip)),
        (2, from name in Name from ns in Namespace select (ServiceOp)new DeleteOp(ns, name)));

    /// <summary>The default configuration, or a small one where the pools run out: 20 node ports, a /28 service CIDR.</summary>
    public static readonly Gen<ClusterConfig> Config = Gen.Elements(
        ClusterConfig.Default,
        ClusterConfig.Default with { ServiceNodePortRange = new PortRange(30000, 30019), ServiceClusterIPRange = IPv4Cidr.Parse("10.96.0.0/28") });

    public static Gen<(ClusterConfig Config, ValueList<ServiceOp> Ops)> Sequence(int maxOps = 30) =>
        from config in Config
        from length in Gen.Choose(1, maxOps)
        from ops in Gen.ListOf(Op, length)
        select (config, ops.ToValueList());

    /// <summary>A service in front of one of the generated workloads (web, api, db), in the shapes that change endpoints and rules.</summary>
    public static Gen<HistoryStep> ServiceStep => Generators.Histories.ApplyService;

    /// <summary>A generated Deployment whose containers have a TCP readiness probe (so probe steps can take pods out of service).</summary>
    public static Gen<HistoryStep> ProbedDeployment =>
        from d in Generators.Workloads.Deployment
        let probe = new Probe { Handler = new ProbeHandler(null, IntOrString.FromInt(8080), default), PeriodSeconds = 5, FailureThreshold = 1 }
        let template = d.Spec.Template
        select (HistoryStep)new ApplyStep(d with
        {
            Spec = d.Spec with
            {
                Template = template with { Spec = template.Spec with { Containers = template.Spec.Containers.Select(c => c with { ReadinessProbe = probe }).ToValueList() } },
            },
        });

    /// <summary>Cluster histories with workloads, services in front of them, deletions, crashes, failing probes and partitions.</summary>
    public static Gen<History> History(int maxSteps = 20) =>
        from nodes in Generators.Topologies.Nodes(3)
        from length in Gen.Choose(1, maxSteps)
        from steps in Gen.ListOf(
            Gen.Frequency(
                (4, Generators.Histories.Step(malformed: false)),
                (2, ProbedDeployment),
                (3, ServiceStep),
                (1, Gen.Elements("web", "api", "db").Select(a => (HistoryStep)new DeleteStep(new ObjectKey(Kinds.Service.Kind, "default", a)))),
                (2, from i in Gen.Choose(0, 10) from pass in Gen.Elements(true, false) select (HistoryStep)new ProbeStep(new PodSelector(Index: i), null, ProbeKind.Readiness, pass)),
                (1, Gen.Elements("node-1", "node-2").Select(n => (HistoryStep)new NodeDownStep(n))),
                (1, Gen.Elements("node-1", "node-2").Select(n => (HistoryStep)new NodeUpStep(n)))),
            length)
        select new History(nodes, steps.ToValueList());
}
