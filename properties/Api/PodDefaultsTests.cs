using KubeKernel.Api.Defaulting;
using KubeKernel.Cli.Simulate;
using KubeKernel.Model;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Api;

/// <summary>The defaults a v1.32 API server fills in a pod and a workload's template (<c>SetDefaults_PodSpec</c>, <c>SetDefaults_Container</c>, <c>SetDefaults_Pod</c>).</summary>
public class PodDefaultsTests
{
    [Theory]
    [InlineData("nginx", PullPolicy.Always)]
    [InlineData("nginx:latest", PullPolicy.Always)]
    [InlineData("nginx:1.14.2", PullPolicy.IfNotPresent)]
    [InlineData("registry.k8s.io/pause:3.10", PullPolicy.IfNotPresent)]
    [InlineData("localhost:5000/app", PullPolicy.Always)]
    [InlineData("localhost:5000/app:v2", PullPolicy.IfNotPresent)]
    [InlineData("nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31", PullPolicy.IfNotPresent)]
    [InlineData("nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31", PullPolicy.Always)]
    public void The_pull_policy_is_Always_for_latest_or_no_tag_and_IfNotPresent_otherwise(string image, PullPolicy policy) =>
        Assert.Equal(policy, PodDefaulting.DefaultPullPolicy(image));

    [Fact]
    public void An_explicit_pull_policy_and_dns_policy_are_kept()
    {
        var spec = PodDefaulting.Apply(new PodSpec { DnsPolicy = DnsPolicy.Default, Containers = [new Container { Name = "a", Image = "nginx", ImagePullPolicy = PullPolicy.Never }] });
        Assert.Equal(PullPolicy.Never, spec.Containers[0].ImagePullPolicy);
        Assert.Equal(DnsPolicy.Default, spec.DnsPolicy);
    }

    [Fact]
    public void A_pod_shows_the_defaults_in_yaml_and_a_deployment_template_all_but_the_pod_only_ones()
    {
        var yaml = SimulateRunner.Run(["docs/examples/nginx-deployment.yaml"], null, "yaml", Approvals.RepositoryRoot).Stdout;
        var template = yaml[yaml.IndexOf("kind: Deployment", StringComparison.Ordinal)..];
        template = template[template.IndexOf("template:", StringComparison.Ordinal)..template.IndexOf("status:", StringComparison.Ordinal)];
        foreach (var line in new[] { "imagePullPolicy: IfNotPresent", "terminationMessagePath: /dev/termination-log", "terminationMessagePolicy: File", "dnsPolicy: ClusterFirst", "schedulerName: default-scheduler", "securityContext: {}", "resources: {}", "restartPolicy: Always", "terminationGracePeriodSeconds: 30" })
        {
            Assert.Contains(line, template);
        }

        Assert.DoesNotContain("enableServiceLinks", template);
        var pod = yaml[yaml.IndexOf("kind: Pod\n", StringComparison.Ordinal)..];
        Assert.Contains("enableServiceLinks: true", pod[..pod.IndexOf("status:", StringComparison.Ordinal)]);
        Assert.Contains("qosClass: BestEffort", pod);
    }
}
