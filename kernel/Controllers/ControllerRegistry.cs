using KubeKernel.Kubelet;
using KubeKernel.Scheduling;

namespace KubeKernel.Controllers;

/// <summary>Every controller the kernel runs, in one explicit, ordered list: adding a controller is one line here.</summary>
/// <remarks>The order decides the order in which a change's watch keys are queued, so it is part of determinism.</remarks>
public static class ControllerRegistry
{
    public static IReadOnlyList<IController> All { get; } =
    [
        new DeploymentController(),
        new ReplicaSetController(),
        new Scheduler(),
        new KubeletController(),
        new NodeLifecycleController(),
    ];

    public static IController? Find(string name)
    {
        foreach (var controller in All)
        {
            if (controller.Name == name)
            {
                return controller;
            }
        }

        return null;
    }
}
