using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Simulation;

/// <summary>What each kind of history step does to a simulation: the requests it makes, the world it changes, the faults it arms.</summary>
internal static class HistoryStepRunner
{
    /// <summary>Carries out <paramref name="step"/>, its requests numbered from <paramref name="requestId"/>; returns what went wrong, or null.</summary>
    public static string? Run(ClusterSimulation simulation, HistoryStep step, string requestId)
    {
        var state = simulation.State;
        switch (step)
        {
            case ApplyStep apply:
                return simulation.Request(requestId, new ObjectSubmitted(requestId, apply.Object, apply.Verb));
            case DeleteStep delete:
                return simulation.Request(requestId, new ObjectDeleted(requestId, delete.Target, delete.Propagation));
            case ScaleStep scale:
                return simulation.Request(requestId, new ScaleRequested(requestId, scale.Target, scale.Replicas));
            case RolloutUndoStep undo:
                return RolloutUndo.Resolve(state, undo) is { Object: { } rolledBack }
                    ? simulation.Request(requestId, new ObjectSubmitted(requestId, rolledBack, SubmitVerb.Update))
                    : RolloutUndo.Resolve(state, undo).Message;
            case AdvanceStep advance:
                simulation.Advance(advance.Milliseconds);
                return null;
            case NodeJoinStep join:
                simulation.Apply(new NodeRegistered(join.Node));
                return null;
            case NodeDownStep down:
                simulation.Runtime = simulation.Runtime with { DownNodes = simulation.Runtime.DownNodes.Contains(down.Node) ? simulation.Runtime.DownNodes : simulation.Runtime.DownNodes.Add(down.Node) };
                simulation.Apply(new NodePartitioned(down.Node));
                return null;
            case NodeUpStep up:
                simulation.Runtime = simulation.Runtime with { DownNodes = simulation.Runtime.DownNodes.RemoveAll(n => n == up.Node) };
                simulation.Apply(new NodeReconnected(up.Node));
                simulation.Apply(new NodeHeartbeatReceived(up.Node));
                simulation.ApplyAll(simulation.Environment.ExitsDue(simulation.State));
                return null;
            case CordonStep cordon:
                return state.Store.Get<Node>(string.Empty, cordon.Node) is { } node
                    ? simulation.Request(requestId, new ObjectSubmitted(requestId, node with { Spec = node.Spec with { Unschedulable = cordon.Unschedulable } }, SubmitVerb.Update))
                    : $"nodes \"{cordon.Node}\" not found";
            case CrashStep crash:
                return Crash(simulation, crash);
            case ProbeStep probe:
                return Probe(simulation, probe);
            case ExitAfterStep exitAfter:
                simulation.ApplyAll(simulation.Environment.AddExitRule(state, exitAfter));
                return null;
            case DrainStep drain:
                return Drain(simulation, drain, requestId);
            case HeartbeatStep:
                simulation.ApplyAll(simulation.Environment.Heartbeats(state));
                return null;
            case SettleStep:
                simulation.Driver.RunToQuiescence();
                return null;
            case FaultStep fault:
                return state.Config.Controllers.Find(fault.Controller) is null
                    ? $"no controller named {fault.Controller} (controllers: {state.Config.Controllers})"
                    : simulation.Faults.Arm(fault);
            default:
                return $"unknown step {step.GetType().Name}";
        }
    }

    private static string? Crash(ClusterSimulation simulation, CrashStep crash)
    {
        if (crash.Pods.Resolve(simulation.State) is not { } pod || Container(pod, crash.Container) is not { } container)
        {
            return $"no running pod matches {crash.Pods}";
        }

        if (simulation.Runtime.DownNodes.Contains(pod.Spec.NodeName!))
        {
            return $"pod {pod.Metadata.Name} runs on {pod.Spec.NodeName}, which is down: nothing can observe its containers";
        }

        simulation.Runtime = simulation.Runtime.Exited(pod.Metadata.Uid, container);
        simulation.Apply(new ContainerExited(pod.Spec.NodeName!, pod.Ref, container, crash.ExitCode));
        return null;
    }

    private static string? Probe(ClusterSimulation simulation, ProbeStep probe)
    {
        // A probe result means something only for a container that has that probe, so the step picks among those.
        if (probe.Pods.Resolve(simulation.State, p => Container(p, probe.Container, probe.Probe) is not null) is not { } target ||
            Container(target, probe.Container, probe.Probe) is not { } probed)
        {
            return $"no running pod with a {probe.Probe.ToString().ToLowerInvariant()} probe matches {probe.Pods}";
        }

        simulation.Runtime = simulation.Runtime with { ProbeOutcomes = simulation.Runtime.ProbeOutcomes.SetItem(SimulatedRuntime.ProbeKey(target.Ref, probed, probe.Probe), probe.Pass) };
        return null;
    }

    /// <summary><c>kubectl drain</c>: cordon (its own request), then delete every pod on the node, one request each.</summary>
    private static string? Drain(ClusterSimulation simulation, DrainStep drain, string requestId)
    {
        if (simulation.Run(new CordonStep(drain.Node)) is { } cordonProblem)
        {
            return cordonProblem;
        }

        foreach (var drained in simulation.State.Store.PodsOn(drain.Node).Where(p => !p.Metadata.IsBeingDeleted).ToList())
        {
            var drainId = $"{requestId}-{drained.Metadata.Name}";
            if (simulation.Request(drainId, new ObjectDeleted(drainId, drained.Key)) is { } deleteProblem)
            {
                return deleteProblem;
            }
        }

        return null;
    }

    /// <summary>The first running container of <paramref name="pod"/> (named <paramref name="name"/>, when given; with a <paramref name="probe"/> in its spec, when given).</summary>
    private static string? Container(Pod pod, string? name, ProbeKind? probe = null) =>
        pod.Status.ContainerStatuses
            .Where(c => c.State.IsRunning && (name is null || c.Name == name) &&
                (probe is not { } kind || pod.Spec.Containers.Any(spec => spec.Name == c.Name && spec.Probe(kind) is not null)))
            .Select(c => c.Name)
            .FirstOrDefault();
}
