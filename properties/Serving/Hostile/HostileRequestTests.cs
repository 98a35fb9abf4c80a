using FsCheck;
using FsCheck.Fluent;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Serving.Hostile;

/// <summary>
/// Every malformed or hostile request is refused with a 4xx Kubernetes Status, never a crash, a hang or a write, and the
/// server still serves afterwards.
/// </summary>
/// <remarks>
/// One server takes all the requests, so a request that breaks it breaks the ones after it too. The seed is fixed, so a
/// run is reproducible; <c>KERNEL_PROPERTY_SEED</c> picks another and <c>KERNEL_PROPERTY_RUNS</c> raises the count
/// (ten requests per run, at least 1,000).
/// </remarks>
public class HostileRequestTests(HostileCluster cluster) : IClassFixture<HostileCluster>
{
    private static Config Budget =>
        (Environment.GetEnvironmentVariable("KERNEL_PROPERTY_SEED") is null ? PropertyBudget.Pinned(0x5EED_4057, 0x11F, 0) : PropertyBudget.Config)
            .WithMaxTest(Math.Max(1000, PropertyBudget.Runs * 10));

    [Fact]
    public async Task Every_hostile_request_is_refused_with_a_Status_and_changes_nothing()
    {
        Check.One(Budget, Prop.ForAll(Arb.From(HostileRequests.All), request =>
        {
            var before = cluster.Revision;
            var answer = cluster.Send(request).GetAwaiter().GetResult();
            if (Refusal.Problem(request, answer, before, cluster.Revision) is { } problem)
            {
                throw new Xunit.Sdk.XunitException($"{request}\n  {problem}");
            }
        }));

        using var list = await cluster.Http.GetAsync(HostileObjects.Deployments);
        Assert.Equal(System.Net.HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("\"name\":\"web\"", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
