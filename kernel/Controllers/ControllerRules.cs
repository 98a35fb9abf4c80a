namespace KubeKernel.Controllers;

/// <summary>A controller's rules as its page under <c>docs/controllers/</c> states them, kept in the controller's own folder.</summary>
/// <remarks>
/// Each controller's folder has one <c>*Rules.cs</c> holding its table, so a change of behaviour and the sentence that
/// describes it are one diff; <c>kernelctl docs</c> renders the table with the invariants that judge the controller and a
/// worked scenario. Texts are Markdown, as the page shows them.
/// </remarks>
/// <param name="Controller">The controller's name (<see cref="IController.Name"/>), which Events and invariants name it by.</param>
/// <param name="Code">The folder of its code, relative to the repository root (<c>kernel/Controllers/Deployments</c>).</param>
/// <param name="Title">The page's title.</param>
/// <param name="Summary">What the controller does, in one paragraph, naming the Kubernetes code it follows.</param>
/// <param name="Rules">Kubernetes' rules as the kernel implements them, one bullet each.</param>
/// <param name="Differences">Where the kernel differs from a real cluster here, one bullet each, and why; may be empty.</param>
internal sealed record ControllerRules(
    string Controller,
    string Code,
    string Title,
    string Summary,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> Differences)
{
    /// <summary>The Kubernetes source the controller follows, as a path in kubernetes/kubernetes (<c>pkg/controller/deployment</c>): what its differences differ from.</summary>
    public string Source { get; init; } = string.Empty;
}
