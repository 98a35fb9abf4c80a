using KubeKernel.Controllers;
using KubeKernel.Model;

namespace KubeKernel.Properties.Controllers;

public class DeploymentMathTests
{
    [Theory]
    [InlineData(1, "25%", "25%", 1, 0)]
    [InlineData(3, "25%", "25%", 1, 0)]
    [InlineData(4, "25%", "25%", 1, 1)]
    [InlineData(10, "25%", "25%", 3, 2)]
    [InlineData(10, "3", "2", 3, 2)]
    [InlineData(10, "0", "0%", 0, 1)]
    public void Surge_rounds_up_unavailable_rounds_down_and_both_zero_means_one_unavailable(int replicas, string surge, string unavailable, int expectedSurge, int expectedUnavailable)
    {
        var (s, u) = DeploymentMath.ResolveFenceposts(Parse(surge), Parse(unavailable), replicas);
        Assert.Equal((expectedSurge, expectedUnavailable), (s, u));
    }

    [Theory]
    [InlineData("nginx:1.14.2", "nginx:1.14.2", true)]
    [InlineData("nginx:1.14.2", "nginx:1.25", false)]
    public void Templates_compare_equal_ignoring_the_hash_label(string a, string b, bool equal)
    {
        var left = Template(a).Metadata with { Labels = Template(a).Metadata.Labels.SetItem(DeploymentMath.PodTemplateHashLabel, "abc") };
        Assert.Equal(equal, DeploymentMath.EqualIgnoreHash(Template(a) with { Metadata = left }, Template(b)));
    }

    [Fact]
    public void The_template_hash_is_stable_and_changes_with_the_template_or_collision_count()
    {
        var hash = DeploymentMath.ComputeHash(Template("nginx"), null);
        Assert.Equal(hash, DeploymentMath.ComputeHash(Template("nginx"), null));
        Assert.NotEqual(hash, DeploymentMath.ComputeHash(Template("redis"), null));
        Assert.NotEqual(hash, DeploymentMath.ComputeHash(Template("nginx"), 1));
        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]{1,10}$", hash);
    }

    private static PodTemplateSpec Template(string image) =>
        new(new ObjectMeta { Labels = KubeKernel.Collections.ValueMap.Of(("app", "web")) }, new PodSpec { Containers = [new Container { Name = "c", Image = image }] });

    private static IntOrString Parse(string text) =>
        text.EndsWith('%') ? IntOrString.FromString(text) : IntOrString.FromInt(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
}
