using KubeKernel.Cli;
using KubeKernel.Cli.Simulate;
using KubeKernel.Invariants;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Networking;

/// <summary><c>kernelctl simulate</c> with Services: the guestbook's allocations and endpoints, and a NodePort conflict.</summary>
public class SimulateServicesTests
{
    private static CommandOutput Simulate(params string[] files) => SimulateRunner.Run(files, null, "table", Approvals.RepositoryRoot);

    [Fact]
    public void The_guestbook_prints_its_services_with_cluster_IPs_and_node_ports_and_their_endpoints()
    {
        var result = Simulate("docs/examples/guestbook.yaml");
        Assert.Equal(0, result.ExitCode);
        foreach (var line in new[]
        {
            "default     service/frontend         NodePort    10.96.1.3    <none>        80:30086/TCP",
            "default     service/kubernetes       ClusterIP   10.96.0.1    <none>        443/TCP",
            "default     service/redis-follower   ClusterIP   10.96.1.2    <none>        6379/TCP",
            "default     service/redis-leader     ClusterIP   10.96.1.1    <none>        6379/TCP",
            "IPv4          80      10.244.0.3,10.244.1.3,10.244.2.3",
            "IPv4          6379    10.244.1.2,10.244.2.2",
            "IPv4          6379    10.244.0.2",
            "endpointslice.discovery.k8s.io/kubernetes             IPv4          6443    172.18.0.1",
        })
        {
            Assert.Contains(line, result.Stdout);
        }
    }

    [Fact]
    public void A_second_manifest_asking_for_a_taken_node_port_is_rejected_with_Kubernetes_text_and_exit_code_2()
    {
        var result = Simulate("docs/examples/guestbook.yaml", "docs/examples/nodeport-conflict.yaml");
        Assert.Equal(CommandOutput.BadInput, result.ExitCode);
        Assert.Equal(
            "error: error applying docs/examples/nodeport-conflict.yaml (document 1, line 5): Service \"frontend-admin\" is invalid: spec.ports[0].nodePort: Invalid value: 30086: provided port is already allocated\n",
            result.Stderr);
    }

    [Fact]
    public void Every_service_type_converges_and_the_settled_state_keeps_every_networking_invariant()
    {
        var documents = KubeKernel.Adapters.Manifests.ManifestReader.ReadFile(Path.Combine(Approvals.RepositoryRoot, "docs/examples/service-types.yaml"));
        var (_, simulation, errors) = SimulateRunner.Start(documents, null);
        Assert.Empty(errors);
        Assert.True(simulation.RunUntilConverged());
        foreach (var invariant in InvariantCatalog.All.Where(i => i.AppliesTo(simulation.State)))
        {
            Assert.Empty(invariant.Violations(null, simulation.State));
        }
    }
}
