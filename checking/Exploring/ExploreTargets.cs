using KubeKernel.Driving;
using KubeKernel.Events;
using KubeKernel.Simulation;

namespace KubeKernel.Exploring;

/// <summary>The controllers an explored scope's faults aim at by default: those that have work while its objects converge.</summary>
internal static class ExploreTargets
{
    /// <summary>The controllers, in ordinal order, that reconcile while every Deployment and Service of the scope is created and converges on a fork of <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Of(ClusterSimulation root, ExploreScope scope)
    {
        var seen = new Seen();
        var world = root.Fork(seen);
        for (var i = 0; i < scope.Deployments; i++)
        {
            world.Run(new ApplyStep(ExploreModel.Deployment(i, scope.Replicas)));
        }

        for (var i = 0; i < scope.Services; i++)
        {
            world.Run(new ApplyStep(ExploreModel.Service(i, scope.Deployments)));
        }

        world.RunUntilConverged(world.State.Now + scope.Options.ConvergenceMillis);
        return [.. seen.Controllers];
    }

    private sealed class Seen : ITraceSink
    {
        public SortedSet<string> Controllers { get; } = new(StringComparer.Ordinal);

        public void Add(TraceEntry entry)
        {
            if (entry.Event is ReconcileRequested work)
            {
                Controllers.Add(work.Controller);
            }
        }
    }
}
