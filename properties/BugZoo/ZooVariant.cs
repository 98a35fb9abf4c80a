using KubeKernel.Checking;
using KubeKernel.Controllers;

namespace KubeKernel.Properties.BugZoo;

/// <summary>A deliberately buggy variant of kernel behaviour: its bug class, the invariant expected to catch it, and the controller it swaps in.</summary>
/// <remarks>Test fixtures only, never in the shipped kernel. A variant is one small file plus one line in <see cref="Zoo"/>.</remarks>
public sealed record ZooVariant(string Name, string BugClass, string CaughtBy, Func<IController> Controller)
{
    /// <summary>The cluster with this variant replacing the built-in controller of the same name.</summary>
    public CheckOptions Options => CheckOptions.Default with
    {
        Config = ClusterConfig.Default with { Controllers = ClusterConfig.Default.Controllers.Replace(Controller()) },
    };

    public override string ToString() => Name;
}
