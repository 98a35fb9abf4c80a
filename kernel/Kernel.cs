using KubeKernel.Api;
using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Controllers.Services;
using KubeKernel.Events;
using KubeKernel.Kubelet;

namespace KubeKernel;

/// <summary>The reducer: <c>Step(state, event) → (state, commands)</c>, pure and total, plus the default driver.</summary>
/// <remarks>
/// Same events in, same state and commands out, on any machine: no clock, no randomness, no I/O, and
/// every collection the output depends on is ordered.
/// </remarks>
public static class Kernel
{
    /// <summary>Applies one event. Never throws for any event; bad requests become rejections that change nothing.</summary>
    public static Step Step(ClusterState state, ClusterEvent @event)
    {
        var ctx = new StepContext(state);
        switch (@event)
        {
            case ObjectSubmitted submitted:
                ApiServer.Submit(ctx, submitted);
                break;
            case ObjectDeleted deleted:
                ApiServer.Delete(ctx, deleted);
                break;
            case ScaleRequested scale:
                ApiServer.Scale(ctx, scale);
                break;
            case NodeRegistered registered:
                ctx.Apply(KubeletMemory.Controller, NodeAgent.Register(state, registered));
                break;
            case NodeHeartbeatReceived heartbeat:
                ctx.Apply(KubeletMemory.Controller, NodeAgent.Heartbeat(state, heartbeat));
                break;
            case NodePartitioned partitioned:
                ctx.Apply(KubeletMemory.Controller, NodeAgent.Partitioned(state, partitioned));
                break;
            case NodeReconnected reconnected:
                ctx.Apply(KubeletMemory.Controller, NodeAgent.Reconnected(state, reconnected));
                break;
            case ContainerStarted started:
                ctx.Apply(KubeletMemory.Controller, ContainerEvents.Started(state, started));
                break;
            case ContainerExited exited:
                ctx.Apply(KubeletMemory.Controller, ContainerEvents.Exited(state, exited));
                break;
            case ProbeResultObserved probe:
                ctx.Apply(KubeletMemory.Controller, ContainerEvents.ProbeObserved(state, probe));
                break;
            case ClockAdvanced clock:
                AdvanceClock(ctx, clock);
                break;
            case LoadBalancerFact fact:
                ctx.Apply(ServiceController.Name, ServiceController.Observe(state, fact));
                break;
            case ReconcileRequested work:
                ControllerRunner.Run(ctx, work, state);
                break;
            case ControllerRestarted restarted:
                ctx.Apply(restarted.Controller, Restart(state, restarted.Controller));
                break;
            case WatchesResynced:
                ctx.Apply("kube-controller-manager", Relist(state, null));
                break;
        }

        return ctx.Finish();
    }

    /// <summary>The default driver: runs queued work in order until none is left (or <paramref name="maxSteps"/> ran).</summary>
    /// <remarks>It never advances the clock, so timers armed for later stay armed; feed <see cref="ClockAdvanced"/> to fire them.</remarks>
    /// <param name="state">The state to start from.</param>
    /// <param name="maxSteps">The most work items to run, a guard against a controller that keeps requeueing itself.</param>
    public static SettleResult Settle(ClusterState state, int maxSteps = 100_000)
    {
        var commands = new List<Command>();
        var steps = 0;
        while (state.Queue.Peek() is { } next && steps < maxSteps)
        {
            var step = Step(state, next);
            state = step.State;
            commands.AddRange(step.Commands);
            steps++;
        }

        return new SettleResult(state, commands.ToValueList(), steps, state.Queue.IsEmpty);
    }

    /// <summary>The next logical instant at which a timer falls due, so a driver can jump straight to it.</summary>
    public static long? NextDeadline(ClusterState state) => state.Timers.NextDue;

    /// <summary>A controller process started again: it forgets its memory, its informers relist, and its periodic loop starts again.</summary>
    /// <remarks>
    /// The loop's timers do not come from the relist: a lost notification must not take the loop away, as it cannot take
    /// Kubernetes' <c>wait.Until</c> loops (the node lifecycle controller's <c>monitorNodeHealth</c>).
    /// </remarks>
    private static List<Effect> Restart(ClusterState state, string controller)
    {
        var effects = Relist(state, controller);
        if (state.Config.Controllers.Find(controller) is IPeriodicController periodic)
        {
            foreach (var (key, delay) in periodic.LoopTimers(state))
            {
                effects.Add(new Effect.Enqueue(controller, key, delay));
            }
        }

        return effects;
    }

    /// <summary>An informer relist: every object is delivered again as Added, and each controller (or just one) queues its keys.</summary>
    /// <remarks>
    /// A restarted controller also forgets its memory. A controller that keeps its memory also queues the keys it remembers
    /// (<see cref="ControllerMemory.RememberedKeys"/>), which stands for the deletions a relist reports for objects no longer
    /// listed. Level-based controllers recover from any lost notification this way.
    /// </remarks>
    private static List<Effect> Relist(ClusterState state, string? controller)
    {
        var effects = new List<Effect>();
        if (controller is not null)
        {
            effects.Add(new Effect.Remember(controller, null));
            state = state with { Memory = state.Memory.Remove(controller) };
        }

        var relisting = state.Config.Controllers.All.Where(c => controller is null || c.Name == controller).ToList();
        foreach (var obj in state.Store.All())
        {
            var change = new Store.StoreChange(Store.WatchEventType.Added, obj, obj.Metadata.ResourceVersion);
            foreach (var c in relisting)
            {
                foreach (var key in c.KeysFor(change, state))
                {
                    effects.Add(new Effect.Enqueue(c.Name, key));
                }
            }
        }

        foreach (var c in relisting)
        {
            foreach (var key in state.Memory.GetValueOrDefault(c.Name)?.RememberedKeys() ?? [])
            {
                effects.Add(new Effect.Enqueue(c.Name, key));
            }
        }

        return effects;
    }

    private static void AdvanceClock(StepContext ctx, ClockAdvanced clock)
    {
        if (clock.Milliseconds <= 0)
        {
            return;
        }

        ctx.AdvanceTo(ctx.Now + clock.Milliseconds);
    }
}
