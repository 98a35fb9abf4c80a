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
}
