using KubeKernel.Checking;
using KubeKernel.Controllers;

namespace KubeKernel.Properties.BugZoo;

/// <summary>
/// A deliberately buggy variant of kernel behaviour: its bug class, the invariant expected to catch it, and what it swaps
/// in: a controller, or, for a bug in the API server's admission (which has no controller to swap), the change to the
/// cluster's configuration that seeds it.
/// </summary>
/// <remarks>
/// Test fixtures only, never in the shipped kernel. A variant is one small file plus one line in <see cref="Zoo"/>; it
/// names exactly one of <paramref name="Controller"/> and <paramref name="Admission"/>.
/// </remarks>
/// <param name="Name">The variant's name, also its file's.</param>
/// <param name="BugClass">The bug, in a phrase.</param>
/// <param name="CaughtBy">The invariant expected to catch it.</param>
/// <param name="Controller">The buggy controller, replacing the built-in one of the same name; null for an admission variant.</param>
/// <param name="Admission">The configuration change that seeds an admission bug; null for a controller variant.</param>
public sealed record ZooVariant(string Name, string BugClass, string CaughtBy, Func<IController>? Controller, Func<ClusterConfig, ClusterConfig>? Admission = null)
{
    /// <summary>The cluster with this variant in it: the built-in controller of the same name replaced, or admission seeded.</summary>
    public CheckOptions Options => CheckOptions.Default with
    {
        Config = Admission is { } seed ? seed(ClusterConfig.Default) : ClusterConfig.Default with { Controllers = ClusterConfig.Default.Controllers.Replace(Controller!()) },
    };

    /// <summary>The controller the variant swaps (what <c>--fault-targets</c> aims at); null for an admission variant, which has none.</summary>
    public string? Target => Controller?.Invoke().Name;

    public override string ToString() => Name;
}
