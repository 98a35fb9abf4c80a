using System.Collections.Immutable;
using KubeKernel.Collections;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Pods;

/// <summary>The kubelet's status arithmetic: phase from container states (through the pod lifecycle) and the pod conditions.</summary>
/// <remarks>
/// | containers                               | restartPolicy | phase     |
/// |------------------------------------------|---------------|-----------|
/// | one running, one still creating          | any           | Pending   |
/// | all created, one running                 | any           | Running   |
/// | all exited 0                             | Always        | Running (restarting) |
/// | all exited 0                             | OnFailure     | Succeeded |
/// | all exited, one non-zero                 | Never         | Failed    |
/// </remarks>
internal static class PodStatusMath
{
    /// <summary>Recomputes phase and conditions after a container status change.</summary>
    public static PodStatus Recompute(Pod pod, PodStatus status, long now)
    {
        var phase = NextPhase(pod, status);
        var terminal = phase is PodPhase.Succeeded or PodPhase.Failed;
        var statuses = status.ContainerStatuses;
        var allReady = !statuses.IsEmpty && statuses.Count == pod.Spec.Containers.Count && statuses.All(c => c.Ready) && SidecarsReady(pod, status);
        var conditions = status.Conditions;
        var incomplete = PodInitialization.Incomplete(pod, status);
        conditions = incomplete.Count == 0
            ? SetCondition(conditions, PodConditionTypes.Initialized, ConditionStatus.True, string.Empty, now)
            : SetCondition(conditions, PodConditionTypes.Initialized, ConditionStatus.False, "ContainersNotInitialized", now, $"containers with incomplete status: [{string.Join(' ', incomplete)}]");
        if (terminal)
        {
            conditions = SetCondition(conditions, PodConditionTypes.ContainersReady, ConditionStatus.False, "PodCompleted", now);
            conditions = SetCondition(conditions, PodConditionTypes.Ready, ConditionStatus.False, "PodCompleted", now);
        }
        else
        {
            var reason = allReady ? string.Empty : "ContainersNotReady";
            conditions = SetCondition(conditions, PodConditionTypes.ContainersReady, allReady ? ConditionStatus.True : ConditionStatus.False, reason, now);
            conditions = SetCondition(conditions, PodConditionTypes.Ready, allReady ? ConditionStatus.True : ConditionStatus.False, reason, now);
        }

        return status with { Phase = phase, Conditions = conditions };
    }

    /// <summary>The facts the pod lifecycle's guards read, from the container statuses.</summary>
    public static PodFacts Facts(Pod pod, PodStatus status)
    {
        var containers = pod.Spec.Containers.Count;
        int running = 0, terminated = 0, succeeded = 0, neverStarted = 0;
        foreach (var c in pod.Spec.Containers)
        {
            var s = status.FindContainer(c.Name);
            if (s is null || (s.State.Kind == ContainerStateKind.Waiting && s.LastState is null && s.RestartCount == 0))
            {
                neverStarted++;
            }
            else if (s.State.IsRunning)
            {
                running++;
            }
            else
            {
                // Terminated, or waiting to restart after a termination: "stopped" in getPhase.
                var last = s.State.IsTerminated ? s.State : s.LastState;
                terminated++;
                if (last?.ExitCode == 0)
                {
                    succeeded++;
                }
            }
        }

        return new PodFacts(
            pod.IsBound,
            containers,
            neverStarted,
            running,
            terminated,
            succeeded,
            pod.Spec.RestartPolicy == RestartPolicy.Always,
            pod.Spec.RestartPolicy == RestartPolicy.OnFailure,
            pod.Metadata.IsBeingDeleted)
        {
            Initializing = !pod.Spec.InitContainers.IsEmpty && PodInitialization.Incomplete(pod, status).Count > 0,
            InitContainerFailed = !pod.Spec.InitContainers.IsEmpty && PodInitialization.Failed(pod, status),
            SidecarsRunning = pod.Spec.InitContainers.IsEmpty ? 0 : PodInitialization.SidecarsRunning(pod, status),
        };
    }

    /// <summary>Sidecars count towards <c>ContainersReady</c> like app containers (<c>GenerateContainersReadyCondition</c>).</summary>
    private static bool SidecarsReady(Pod pod, PodStatus status)
    {
        foreach (var c in pod.Spec.InitContainers)
        {
            if (PodInitialization.IsSidecar(c) && status.FindInitContainer(c.Name) is not { Ready: true })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The kubelet's triggers, in the order <see cref="NextPhase"/> asks them (at most one is accepted: their guards exclude each other).</summary>
    private static readonly ImmutableArray<PodTrigger> KubeletTriggers = [PodTrigger.InitContainerFailed, PodTrigger.AllSucceeded, PodTrigger.Failed, PodTrigger.ContainersStarted];

    /// <summary>The phase the pod lifecycle takes the pod to from these container statuses; the current phase when it takes it nowhere.</summary>
    /// <remarks>
    /// The lifecycle decides: each of the kubelet's triggers is asked, and the first it accepts names the phase. A trigger
    /// whose guards fail is answered from the lifecycle's table without building a machine, so asking all three costs no
    /// more than the phase change itself.
    /// </remarks>
    public static PodPhase NextPhase(Pod pod, PodStatus status)
    {
        var facts = Facts(pod, status);
        foreach (var trigger in KubeletTriggers)
        {
            if (PodLifecycle.Transition(status.Phase, trigger, facts) is { Accepted: true } moved)
            {
                return moved.To;
            }
        }

        return status.Phase;
    }

    /// <summary>Sets a condition, keeping its lastTransitionTime when the status did not change.</summary>
    public static ValueList<Condition> SetCondition(ValueList<Condition> conditions, string type, ConditionStatus status, string reason, long now, string message = "")
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            var existing = conditions[i];
            if (existing.Type != type)
            {
                continue;
            }

            if (existing.Status == status && existing.Reason == reason && existing.Message == message)
            {
                return conditions;
            }

            var transition = existing.Status == status ? existing.LastTransitionTime : now;
            return conditions.SetItem(i, new Condition(type, status, reason, message, transition));
        }

        return conditions.Add(new Condition(type, status, reason, message, now));
    }

    /// <summary>Replaces one container's status, app or init (adding it if absent), keeping the spec's container order.</summary>
    public static PodStatus WithContainer(Pod pod, PodStatus status, ContainerStatus updated)
    {
        if (pod.Spec.InitContainers.Any(c => c.Name == updated.Name))
        {
            return status with
            {
                InitContainerStatuses = pod.Spec.InitContainers
                    .Select(c => c.Name == updated.Name ? updated : status.FindInitContainer(c.Name))
                    .OfType<ContainerStatus>()
                    .ToValueList(),
            };
        }

        var list = pod.Spec.Containers
            .Select(c => c.Name == updated.Name ? updated : status.FindContainer(c.Name))
            .OfType<ContainerStatus>()
            .ToValueList();
        return status with { ContainerStatuses = list };
    }

    /// <summary>The status of the container named <paramref name="name"/>, app or init.</summary>
    public static ContainerStatus? Find(PodStatus status, string name) => status.FindContainer(name) ?? status.FindInitContainer(name);
}
