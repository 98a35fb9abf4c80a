using KubeKernel.Commands;
using KubeKernel.Controllers;
using KubeKernel.Events;
using KubeKernel.Model;
using KubeKernel.Pods;

namespace KubeKernel.Kubelet;

/// <summary>How the kubelet turns runtime facts (container started or exited, probe results) into pod status.</summary>
/// <remarks>
/// Facts about pods that are gone, recreated (other UID) or bound elsewhere are stale and ignored, and so are facts
/// from a partitioned node: its kubelet cannot post them. Each handler decides from the state alone and returns the
/// kubelet's effects (its memory, the pod's status write, its Events and when to look at the pod again), in order.
/// </remarks>
internal static class ContainerEvents
{
    public static IReadOnlyList<Effect> Started(ClusterState view, ContainerStarted ev)
    {
        if (Find(view, ev.Pod, ev.NodeName, ev.Container) is not var (pod, spec) || pod.IsTerminal)
        {
            return [];
        }

        var now = view.Now;
        var current = PodStatusMath.Find(pod.Status, spec.Name) ?? new ContainerStatus(spec.Name, spec.Image, ContainerState.Waiting("ContainerCreating"));
        if (current.State.IsRunning)
        {
            return [];
        }

        var restarted = current.State.IsTerminated || current.LastState is not null;
        var started = spec.StartupProbe is null;
        var updated = current with
        {
            State = ContainerState.Running(now),
            LastState = current.State.IsTerminated ? current.State : current.LastState,
            RestartCount = restarted ? current.RestartCount + 1 : current.RestartCount,
            Started = started,
            Ready = started && spec.ReadinessProbe is null && !IsRegularInit(pod, spec),
        };

        var key = pod.Key.NamespacedName;
        var memory = KubeletMemory.Of(view);
        var record = memory.For(key, pod.Metadata.Uid);
        var container = record.Container(spec.Name).StopProbes() with { RestartAt = null };
        var startedAt = now;
        if (spec.StartupProbe is { } startup)
        {
            container = container with { Startup = ProbeCounter.StartingAt(startedAt + (startup.InitialDelaySeconds * 1000L)) };
        }
        else
        {
            container = StartMainProbes(container, spec, startedAt, now);
        }

        if (restarted)
        {
            container = container with { BackoffUpdatedAt = now };
        }

        var effects = new List<Effect>(4)
        {
            Remember(memory.With(key, record.WithContainer(spec.Name, container))),
            WriteStatus(view, pod, PodStatusMath.WithContainer(pod, pod.Status, updated)),
            Event(pod, "Normal", "Started", $"Started container {spec.Name}", ev.NodeName),
        };
        WakeAt(effects, view, key, NextDue(container));
        if (started && IsSidecar(pod, spec))
        {
            // The init container after a sidecar waits until the sidecar has started.
            effects.Add(new Effect.Enqueue(KubeletMemory.Controller, key));
        }

        return effects;
    }

    public static IReadOnlyList<Effect> Exited(ClusterState view, ContainerExited ev)
    {
        if (Find(view, ev.Pod, ev.NodeName, ev.Container) is not var (pod, spec))
        {
            return [];
        }

        var current = PodStatusMath.Find(pod.Status, spec.Name);
        if (current is null || !current.State.IsRunning)
        {
            return [];
        }

        var now = view.Now;
        var terminated = ContainerState.Terminated(ev.ExitCode, current.State.StartedAt, now, ev.Reason);
        var regularInit = IsRegularInit(pod, spec);

        // A regular init container that completed stays ready, as the kubelet reports it.
        var updated = current with { State = terminated, Ready = regularInit && ev.ExitCode == 0, Started = false };
        var restart = !pod.Metadata.IsBeingDeleted && Restarts(pod, spec, regularInit, ev.ExitCode);

        var key = pod.Key.NamespacedName;
        var memory = KubeletMemory.Of(view);
        var record = memory.For(key, pod.Metadata.Uid);
        var container = record.Container(spec.Name).StopProbes();
        var effects = new List<Effect>();
        if (restart)
        {
            var config = view.Config;
            var (delay, backoff) = CrashLoopBackoff.Next(container.BackoffSeconds, container.BackoffUpdatedAt, now, config.ContainerBackoffInitialSeconds, config.ContainerBackoffMaxSeconds);
            container = container with { BackoffSeconds = backoff, RestartAt = now + (delay * 1000) };
            if (delay > 0)
            {
                updated = updated with
                {
                    State = ContainerState.Waiting("CrashLoopBackOff", $"back-off {delay}s restarting failed container={spec.Name} pod={pod.Metadata.Name}_{pod.Metadata.Namespace}({pod.Metadata.Uid})"),
                    LastState = terminated,
                };
                effects.Add(Event(pod, "Warning", "BackOff", "Back-off restarting failed container " + spec.Name + " in pod " + pod.Metadata.Name + "_" + pod.Metadata.Namespace + "(" + pod.Metadata.Uid + ")", ev.NodeName));
            }

            // The kubelet wakes for the restart before it posts the exit: a restart due now runs ahead of the watchers the
            // status write wakes.
            WakeAt(effects, view, key, container.RestartAt);
        }

        effects.Add(Remember(memory.With(key, record.WithContainer(spec.Name, container))));
        effects.Add(WriteStatus(view, pod, PodStatusMath.WithContainer(pod, pod.Status, updated)));
        if (pod.Metadata.IsBeingDeleted || (regularInit && ev.ExitCode == 0) || (!restart && !pod.Spec.InitContainers.IsEmpty))
        {
            // A completed init container lets the next one (or the app containers) start; the last app container to
            // finish has the kubelet stop the sidecars.
            effects.Add(new Effect.Enqueue(KubeletMemory.Controller, key));
        }

        return effects;
    }

    public static IReadOnlyList<Effect> ProbeObserved(ClusterState view, ProbeResultObserved ev)
    {
        if (Find(view, ev.Pod, ev.NodeName, ev.Container) is not var (pod, spec))
        {
            return [];
        }

        var current = PodStatusMath.Find(pod.Status, spec.Name);
        var probe = spec.Probe(ev.Probe);
        if (current is null || !current.State.IsRunning || probe is null)
        {
            return [];
        }

        var key = pod.Key.NamespacedName;
        var memory = KubeletMemory.Of(view);
        var record = memory.For(key, pod.Metadata.Uid);
        var container = record.Container(spec.Name);
        var updated = current;
        var kill = false;
        var kindText = ev.Probe.ToString();
        switch (ev.Probe)
        {
            case ProbeKind.Startup:
                var startup = container.Startup.Record(ev.Success);
                if (startup.NextDue is null)
                {
                    // Startup already passed (or never ran): a late result changes nothing.
                    return [];
                }

                if (startup.Successes >= probe.SuccessThreshold)
                {
                    updated = updated with { Started = true, Ready = spec.ReadinessProbe is null };
                    container = StartMainProbes(container with { Startup = ProbeCounter.Idle }, spec, current.State.StartedAt ?? view.Now, view.Now);
                }
                else
                {
                    container = container with { Startup = startup };
                    kill = startup.Failures >= probe.FailureThreshold;
                }

                break;
            case ProbeKind.Liveness:
                var liveness = container.Liveness.Record(ev.Success);
                container = container with { Liveness = liveness };
                kill = liveness.Failures >= probe.FailureThreshold;
                break;
            default:
                var readiness = container.Readiness.Record(ev.Success);
                container = container with { Readiness = readiness };
                if (readiness.Successes >= probe.SuccessThreshold)
                {
                    updated = updated with { Ready = true };
                }
                else if (readiness.Failures >= probe.FailureThreshold)
                {
                    updated = updated with { Ready = false };
                }

                break;
        }

        var effects = new List<Effect>();
        if (!ev.Success)
        {
            effects.Add(Event(pod, "Warning", "Unhealthy", $"{kindText} probe failed", ev.NodeName));
        }

        if (kill)
        {
            container = container.StopProbes();
            effects.Add(Event(pod, "Normal", "Killing", $"Container {spec.Name} failed {kindText.ToLowerInvariant()} probe, will be restarted", ev.NodeName));
            effects.Add(new Effect.Emit(new KillContainer(ev.NodeName, pod.Ref, spec.Name, pod.Spec.TerminationGracePeriodSeconds ?? 30)));
        }

        effects.Add(Remember(memory.With(key, record.WithContainer(spec.Name, container))));
        if (updated != current)
        {
            effects.Add(WriteStatus(view, pod, PodStatusMath.WithContainer(pod, pod.Status, updated)));
        }

        WakeAt(effects, view, key, NextDue(container));
        if (updated.Started && !current.Started && IsSidecar(pod, spec))
        {
            effects.Add(new Effect.Enqueue(KubeletMemory.Controller, key));
        }

        return effects;
    }

    /// <summary>Liveness and readiness start after startup passed, counting their initial delay from the container start.</summary>
    public static ContainerRecord StartMainProbes(ContainerRecord container, Container spec, long startedAt, long now) => container with
    {
        Liveness = spec.LivenessProbe is { } l ? ProbeCounter.StartingAt(Math.Max(now, startedAt + (l.InitialDelaySeconds * 1000L))) : ProbeCounter.Idle,
        Readiness = spec.ReadinessProbe is { } r ? ProbeCounter.StartingAt(Math.Max(now, startedAt + (r.InitialDelaySeconds * 1000L))) : ProbeCounter.Idle,
    };

    public static long? NextDue(ContainerRecord c) =>
        new[] { c.Startup.NextDue, c.Liveness.NextDue, c.Readiness.NextDue, c.RestartAt }.Where(d => d.HasValue).Min();

    private static (Pod Pod, Container Spec)? Find(ClusterState view, ObjectRef podRef, string nodeName, string container)
    {
        var pod = view.Store.Get<Pod>(podRef.Namespace, podRef.Name);
        if (pod is null || (podRef.Uid.Length > 0 && podRef.Uid != pod.Metadata.Uid) || pod.Spec.NodeName != nodeName || view.IsPartitioned(nodeName))
        {
            return null;
        }

        var spec = pod.Spec.Containers.FirstOrDefault(c => c.Name == container) ?? pod.Spec.InitContainers.FirstOrDefault(c => c.Name == container);
        return spec is null ? null : (pod, spec);
    }

    /// <summary>
    /// Whether the kubelet restarts a container that exited: an app container by the pod's <c>restartPolicy</c>; a regular
    /// init container after a failure unless the policy is <c>Never</c>; a sidecar always, until the app containers have finished.
    /// </summary>
    private static bool Restarts(Pod pod, Container spec, bool regularInit, int exitCode)
    {
        var policy = pod.Spec.RestartPolicy;
        if (regularInit)
        {
            return exitCode != 0 && policy != RestartPolicy.Never;
        }

        return IsSidecar(pod, spec)
            ? !pod.IsTerminal && !PodInitialization.AppContainersFinished(pod, pod.Status)
            : policy == RestartPolicy.Always || (policy == RestartPolicy.OnFailure && exitCode != 0);
    }

    private static bool IsRegularInit(Pod pod, Container spec) => !pod.Spec.InitContainers.IsEmpty && !PodInitialization.IsSidecar(spec) && pod.Spec.InitContainers.Contains(spec);

    private static bool IsSidecar(Pod pod, Container spec) => PodInitialization.IsSidecar(spec) && pod.Spec.InitContainers.Contains(spec);

    private static Effect WriteStatus(ClusterState view, Pod pod, PodStatus status) =>
        new Effect.Call(new UpdateStatus(pod with { Status = PodStatusMath.Recompute(pod, status, view.Now) }));

    private static Effect Remember(KubeletMemory memory) => new Effect.Remember(KubeletMemory.Controller, memory);

    private static Effect Event(Pod pod, string type, string reason, string message, string nodeName) =>
        new Effect.Emit(new RecordEvent(pod.Ref, type, reason, message, KubeletMemory.Controller, nodeName));

    /// <summary>Looks at the pod again when <paramref name="due"/> comes (at once when it has come).</summary>
    private static void WakeAt(List<Effect> effects, ClusterState view, string podKey, long? due)
    {
        if (due is { } at)
        {
            effects.Add(new Effect.Enqueue(KubeletMemory.Controller, podKey, at - view.Now));
        }
    }
}
