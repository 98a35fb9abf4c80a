using KubeKernel.Cli.Docs;
using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Docs;

/// <summary>Every generated page matches what the code and a real run produce (UPDATE_SNAPSHOTS=1 rewrites them).</summary>
public class GeneratedDocsTests
{
    public static TheoryData<string> Pages => new(DocsCatalog.Pages.Select(p => p.Path));

    [Theory]
    [MemberData(nameof(Pages))]
    public void Generated_page_is_up_to_date(string path)
    {
        var page = DocsCatalog.Pages.Single(p => p.Path == path);
        Approvals.Verify(path, page.Render(Approvals.RepositoryRoot));
    }

    [Fact]
    public void Lifecycle_pages_carry_the_mermaid_diagram_generated_from_the_machine()
    {
        var pod = LifecyclePage.All().Single(p => p.FileName == "pod.md").Markdown;
        Assert.Contains("```mermaid\nstateDiagram-v2", pod);
        Assert.Contains("Pending --> Running : ContainersStarted", pod);
        Assert.DoesNotContain("[Function]", pod);
    }
}
