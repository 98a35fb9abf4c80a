using KubeKernel.Properties.Support;

namespace KubeKernel.Properties.Docs;

/// <summary>Every relative link in <c>README.md</c> and <c>docs/</c> names a file or folder that exists, and every <c>#anchor</c> a heading of its page.</summary>
public class DocsLinkTests
{
    public static TheoryData<string> Pages => new(MarkdownPages.All);

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_resolves(string page)
    {
        var broken = MarkdownPages.Links(page).Select(Problem).OfType<string>().ToList();
        Assert.True(broken.Count == 0, $"{page} has {broken.Count} broken link(s):\n{string.Join('\n', broken)}");
    }

    [Theory]
    [InlineData("Exhaustive exploration: `kernelctl explore`", "exhaustive-exploration-kernelctl-explore")]
    [InlineData("Node IPAM: pod CIDRs and pod IPs", "node-ipam-pod-cidrs-and-pod-ips")]
    [InlineData("Scenario: `docs/scenarios/rolling-update.yaml`", "scenario-docsscenariosrolling-updateyaml")]
    [InlineData("Serve: a control plane kubectl drives", "serve-a-control-plane-kubectl-drives")]
    [InlineData("Kubernetes' rules, as the kernel implements them", "kubernetes-rules-as-the-kernel-implements-them")]
    [InlineData("[Stateless](https://github.com/dotnet-state-machine/stateless) machines — how", "stateless-machines--how")]
    [InlineData("Eventual: after the fault-free phase", "eventual-after-the-fault-free-phase")]
    public void A_heading_anchor_is_GitHubs_slug(string heading, string anchor) => Assert.Equal(anchor, MarkdownPages.Slug(heading));

    private static string? Problem(MarkdownLink link)
    {
        var at = $"  line {link.Line}: ({link.Target})";
        var full = Path.Combine(Approvals.RepositoryRoot, link.Path);
        if (link.Path.StartsWith("..", StringComparison.Ordinal))
        {
            return $"{at} leaves the repository";
        }

        if (!File.Exists(full) && !Directory.Exists(full))
        {
            return $"{at}: {link.Path} does not exist";
        }

        if (link.Anchor is not { } anchor)
        {
            return null;
        }

        if (!link.Path.EndsWith(".md", StringComparison.Ordinal))
        {
            return $"{at}: an anchor on {link.Path}, which is not a Markdown page";
        }

        return MarkdownPages.Anchors(link.Path).Contains(anchor) ? null : $"{at}: no heading of {link.Path} has the anchor #{anchor}";
    }
}
