using KubeKernel.Cli.Docs;
using KubeKernel.Controllers;
using KubeKernel.Invariants;

namespace KubeKernel.Properties.Docs;

/// <summary>Every registered controller has its page under <c>docs/controllers/</c>, and its invariants are on it.</summary>
public class ControllerPagesTests
{
    [Fact]
    public void Every_registered_controller_has_exactly_one_page()
    {
        var pages = ControllerPages.All.Select(p => p.Rules.Controller).ToList();
        Assert.Equal(ControllerRegistry.Default.All.Select(c => c.Name), pages);
    }

    [Fact]
    public void Page_file_names_are_unique()
    {
        var names = ControllerPages.All.Select(p => p.FileName).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void An_invariant_that_requires_a_controller_is_on_that_controllers_page()
    {
        var missing = InvariantCatalog.All.Where(i => i.RequiresController is { } c && !i.Concerns.Contains(c)).Select(i => i.Id).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void An_invariant_names_only_registered_controllers()
    {
        var names = ControllerRegistry.Default.All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = InvariantCatalog.All.SelectMany(i => i.Concerns.Where(c => !names.Contains(c)).Select(c => $"{i.Id}: {c}")).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_controller_names_the_Kubernetes_source_it_follows_and_its_differences_are_on_the_differences_page()
    {
        var page = DifferencesPage.Render(Support.Approvals.RepositoryRoot);
        foreach (var rules in ControllerPages.All.Select(p => p.Rules))
        {
            Assert.Matches(@"^(pkg|staging/src/k8s\.io)/[a-z0-9/_-]+$", rules.Source);
            if (rules.Differences.Count > 0)
            {
                Assert.Contains($"(https://github.com/kubernetes/kubernetes/tree/master/{rules.Source})", page, StringComparison.Ordinal);
            }

            Assert.All(rules.Differences, d => Assert.Contains(d.Replace("](../", "](", StringComparison.Ordinal), page, StringComparison.Ordinal));
        }
    }
}
