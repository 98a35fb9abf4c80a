using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Simulation;

namespace KubeKernel.Generators;

/// <summary>Runs a history through the kernel with the default driver and a simulated runtime, recording every step.</summary>
public static class HistoryRunner
{
    /// <summary>One executed reducer step: the state before, the event, and the step it produced.</summary>
    public sealed record Executed(ClusterState Before, ClusterEvent Event, Step Result);

    public sealed record Run(ClusterState Final, ValueList<Executed> Steps);

    public static Run Execute(History history, ClusterState? initial = null)
    {
        var state = initial ?? ClusterState.Initial();
        var runtime = SimulatedRuntime.Empty;
        var executed = new List<Executed>();
        var requests = 0;

        void Apply(ClusterEvent ev)
        {
            var pending = new Queue<ClusterEvent>([ev]);
            while (pending.Count > 0)
            {
                var next = pending.Dequeue();
                var step = Kernel.Step(state, next);
                executed.Add(new Executed(state, next, step));
                state = step.State;
                foreach (var command in step.Commands)
                {
                    var (updated, facts) = runtime.Handle(command);
                    runtime = updated;
                    foreach (var fact in facts)
                    {
                        pending.Enqueue(fact);
                    }
                }
            }
        }

        foreach (var step in history.Steps)
        {
            switch (step)
            {
                case SettleStep:
                    var guard = 0;
                    while (state.Queue.Peek() is { } work && guard++ < 10_000)
                    {
                        Apply(work);
                    }

                    break;
                case HeartbeatStep:
                    foreach (var node in state.Store.List<Node>().ToList())
                    {
                        Apply(new NodeHeartbeatReceived(node.Metadata.Name));
                    }

                    break;
                case CrashStep crash:
                    var bound = state.Store.List<Pod>().Where(p => p.IsBound && p.Status.ContainerStatuses.Any(c => c.State.IsRunning)).ToList();
                    if (bound.Count > 0)
                    {
                        var pod = bound[crash.PodIndex % bound.Count];
                        var container = pod.Status.ContainerStatuses.First(c => c.State.IsRunning).Name;
                        runtime = runtime.Exited(pod.Metadata.Uid, container);
                        Apply(new ContainerExited(pod.Spec.NodeName!, pod.Ref, container, crash.ExitCode));
                    }

                    break;
                default:
                    Apply(Resolve(step, $"request-{++requests}"));
                    break;
            }
        }

        return new Run(state, executed.ToValueList());
    }

    private static ClusterEvent Resolve(HistoryStep step, string requestId) => step switch
    {
        SubmitStep s => new ObjectSubmitted(requestId, s.Object, s.Verb),
        DeleteStep d => new ObjectDeleted(requestId, d.Target),
        ScaleStep s => new ScaleRequested(requestId, s.Target, s.Replicas),
        RegisterNodeStep r => new NodeRegistered(r.Node),
        AdvanceStep a => new ClockAdvanced(a.Milliseconds),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "not a single-event step"),
    };

    /// <summary>All commands of a run, in order.</summary>
    public static IEnumerable<Command> Commands(Run run) => run.Steps.SelectMany(s => s.Result.Commands);
}
