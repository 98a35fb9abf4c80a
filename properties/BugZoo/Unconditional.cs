using KubeKernel.Controllers;

namespace KubeKernel.Properties.BugZoo;

/// <summary>Strips the resourceVersion precondition from status writes (what a controller does that PUTs with an empty resourceVersion).</summary>
public static class Unconditional
{
    public static Write Status(Write write) =>
        write is UpdateStatus status ? status with { Object = status.Object with { Metadata = status.Object.Metadata with { ResourceVersion = 0 } } } : write;
}
