using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Properties.Api;

/// <summary>The API server's rules for extended resources (<c>ValidateResourceRequirements</c>) and <c>SetDefaults_Pod</c>'s requests from limits.</summary>
public class ExtendedResourceValidationTests
{
    [Theory]
    [InlineData("a GPU limit alone", "", "1", null)]
    [InlineData("request equal to the limit", "2", "2", null)]
    [InlineData("request below the limit", "1", "2", "spec.containers[0].resources.requests: Invalid value: \"1\": must be equal to nvidia.com/gpu limit of 2")]
    [InlineData("request without a limit", "1", "", "spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources")]
    [InlineData("half a GPU", "", "500m", "[spec.containers[0].resources.limits[nvidia.com/gpu]: Invalid value: \"500m\": must be an integer, spec.containers[0].resources.requests[nvidia.com/gpu]: Invalid value: \"500m\": must be an integer]")]
    public void Extended_resources_are_whole_and_requested_as_much_as_limited(string name, string request, string limit, string? error)
    {
        var reply = Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", Pod(request, limit), SubmitVerb.Create)).Commands.OfType<Reply>().Single();
        Assert.True(error is null ? reply.Result.IsSuccess : reply.Result.Message == $"Pod \"gpu\" is invalid: {error}", $"{name}: {reply.Result.Message}");
    }

    [Fact]
    public void A_pod_s_limits_become_its_requests_where_it_has_none_but_a_template_keeps_what_was_written()
    {
        var step = Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", Pod(string.Empty, "1"), SubmitVerb.Create));
        var stored = step.State.Store.Get<Pod>("default", "gpu")!;
        Assert.Equal(Quantity.FromUnits(1), stored.Spec.Containers[0].Resources.Requests["nvidia.com/gpu"]);
        Assert.Equal(Quantity.Parse("100m"), stored.Spec.Containers[0].Resources.Requests["cpu"]);
    }

    [Fact]
    public void Cpu_may_still_be_requested_below_its_limit()
    {
        var pod = Pod(string.Empty, string.Empty);
        var container = pod.Spec.Containers[0];
        var overcommitted = pod with { Spec = pod.Spec with { Containers = [container with { Resources = container.Resources with { Limits = ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse("1")) } }] } };
        Assert.True(Kernel.Step(ClusterState.Initial(), new ObjectSubmitted("r1", overcommitted, SubmitVerb.Create)).Commands.OfType<Reply>().Single().Result.IsSuccess);
    }

    private static Pod Pod(string request, string limit)
    {
        var requests = ValueMap<string, Quantity>.Empty.SetItem("cpu", Quantity.Parse("100m"));
        var limits = ValueMap<string, Quantity>.Empty;
        if (request.Length > 0)
        {
            requests = requests.SetItem("nvidia.com/gpu", Quantity.Parse(request));
        }

        if (limit.Length > 0)
        {
            limits = limits.SetItem("nvidia.com/gpu", Quantity.Parse(limit));
        }

        return new Pod(
            new ObjectMeta { Name = "gpu", Namespace = "default" },
            new PodSpec { Containers = [new Container { Name = "cuda", Image = "cuda:12", Resources = new ResourceRequirements(requests, limits) }] },
            new PodStatus());
    }
}
