using KubeKernel.Driving;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Exploring;

/// <summary>The history steps a world may take next, in a fixed order: the explorer's branching.</summary>
/// <remarks>
/// Clients first (create each Deployment, then delete it, roll it out to the other image or scale it to every other count
/// up to the scope's; create each Service, or
/// delete it), then faults while the path has some left (each node down, or back up for free; each fault kind at each
/// target), then each clock step. The order only decides which of two equally short counterexamples is reported.
/// </remarks>
internal sealed class ExploreActions(ExploreScope scope, IReadOnlyList<string> targets)
{
    /// <summary>The steps enabled in <paramref name="state"/>, given the faults the path has spent and the runtime's down nodes.</summary>
    public IEnumerable<HistoryStep> Enabled(ClusterState state, SimulatedRuntime runtime, int faultsSpent)
    {
        for (var i = 0; i < scope.Deployments; i++)
        {
            if (state.Store.Get<Deployment>("default", ExploreModel.DeploymentName(i)) is not { } deployment)
            {
                yield return new ApplyStep(ExploreModel.Deployment(i, scope.Replicas));
                continue;
            }

            yield return new DeleteStep(deployment.Key);

            // A rollout: the template's image switches between two, at the current replica count.
            var image = deployment.Spec.Template.Spec.Containers.FirstOrDefault()?.Image == ExploreModel.FirstImage ? ExploreModel.SecondImage : ExploreModel.FirstImage;
            yield return new ApplyStep(ExploreModel.Deployment(i, deployment.Spec.DesiredReplicas, image));
            for (var replicas = 0; replicas <= scope.Replicas; replicas++)
            {
                if (replicas != deployment.Spec.DesiredReplicas)
                {
                    yield return new ScaleStep(deployment.Key, replicas);
                }
            }
        }

        for (var i = 0; i < scope.Services; i++)
        {
            yield return state.Store.Get<Service>("default", ExploreModel.ServiceName(i)) is { } service
                ? new DeleteStep(service.Key)
                : new ApplyStep(ExploreModel.Service(i, scope.Deployments));
        }

        foreach (var node in runtime.DownNodes)
        {
            yield return new NodeUpStep(node);
        }

        if (faultsSpent < scope.MaxFaults)
        {
            foreach (var fault in Faults(state, runtime))
            {
                yield return fault;
            }
        }

        foreach (var millis in scope.Advances)
        {
            yield return new AdvanceStep(millis);
        }
    }

    /// <summary>Whether <paramref name="step"/> spends one of the path's faults.</summary>
    public static bool IsFault(HistoryStep step) => step is FaultStep or NodeDownStep or CrashStep;

    private IEnumerable<HistoryStep> Faults(ClusterState state, SimulatedRuntime runtime)
    {
        if ((scope.Faults & FaultKinds.Node) != 0)
        {
            foreach (var node in state.Store.List<Node>())
            {
                if (!runtime.DownNodes.Contains(node.Metadata.Name))
                {
                    yield return new NodeDownStep(node.Metadata.Name);
                }
            }
        }

        if ((scope.Faults & FaultKinds.Crash) != 0)
        {
            for (var i = 0; i < scope.Deployments; i++)
            {
                yield return new CrashStep(new PodSelector(LabelSelector.ForLabels(Collections.ValueMap.Of(("app", ExploreModel.DeploymentName(i)))), "default"), null, 1);
            }
        }

        foreach (var target in targets)
        {
            if ((scope.Faults & FaultKinds.Restart) != 0)
            {
                yield return new RestartStep(target, 0);
                yield return new RestartStep(target, 1);
            }

            if ((scope.Faults & FaultKinds.Drop) != 0)
            {
                yield return new DropStep(target);
            }

            if ((scope.Faults & FaultKinds.Duplicate) != 0)
            {
                yield return new DuplicateStep(target);
            }

            if ((scope.Faults & FaultKinds.Reorder) != 0)
            {
                yield return new ReorderStep(target);
            }

            if ((scope.Faults & FaultKinds.Conflict) != 0)
            {
                yield return new ConflictStep(target);
            }
        }
    }
}
