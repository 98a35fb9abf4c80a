using KubeKernel.Controllers;
using KubeKernel.Controllers.Deployments;
using KubeKernel.Controllers.Jobs;
using KubeKernel.Controllers.Services;
using KubeKernel.Model;
using KubeKernel.StateMachines;

namespace KubeKernel.Simulation;

/// <summary>When a simulated cluster has reached its desired state, and what keeps it from getting there.</summary>
public static class Convergence
{
    /// <summary>No work queued, every Deployment complete and Available, every Job finished (or suspended), every load balancer provisioned, every pod Running and Ready (or finished).</summary>
    public static bool IsConverged(ClusterState state) => IsConverged(state, finiteRuns: false);

    /// <summary>
    /// As <see cref="IsConverged(ClusterState)"/>; with <paramref name="finiteRuns"/> (the runtime lets pods that do not
    /// restart always finish, see <see cref="ContainerRuns"/>) such a pod is at rest only once it has finished.
    /// </summary>
    public static bool IsConverged(ClusterState state, bool finiteRuns) => state.Queue.IsEmpty && Blockers(state, finiteRuns).Count == 0;

    /// <summary>Human-readable reasons the cluster is not converged, ordered by object.</summary>
    public static IReadOnlyList<string> Blockers(ClusterState state) => Blockers(state, finiteRuns: false);

    /// <summary>Human-readable reasons the cluster is not converged, ordered by object; <paramref name="finiteRuns"/> as in <see cref="IsConverged(ClusterState, bool)"/>.</summary>
    public static IReadOnlyList<string> Blockers(ClusterState state, bool finiteRuns)
    {
        var reasons = new List<string>();
        foreach (var d in state.Store.List<Deployment>())
        {
            var available = d.Status.FindCondition(DeploymentConditions.Available)?.IsTrue == true;
            if (!DeploymentMath.IsComplete(d, d.Status) || !available)
            {
                var progressing = d.Status.FindCondition(DeploymentConditions.Progressing);
                reasons.Add($"deployment {d.Metadata.Namespace}/{d.Metadata.Name}: {d.Status.AvailableReplicas}/{d.Spec.DesiredReplicas} available" +
                    (progressing is { Status: ConditionStatus.False } ? $" ({progressing.Reason}: {progressing.Message})" : string.Empty));
            }
        }

        // A running Job still has work ahead (pods to finish, a back-off or a deadline to wait out), and a finished one with
        // ttlSecondsAfterFinished is still to be deleted: neither is a resting state.
        foreach (var job in state.Store.List<Job>().Where(j => !j.Spec.Suspend && !j.Metadata.IsBeingDeleted))
        {
            if (!JobStatusConditions.IsFinished(job))
            {
                reasons.Add($"job {job.Metadata.Namespace}/{job.Metadata.Name}: running ({job.Status.Active} active, {job.Status.Succeeded} succeeded, {job.Status.Failed} failed)");
            }
            else if (job.Spec.TtlSecondsAfterFinished is { } ttl)
            {
                reasons.Add($"job {job.Metadata.Namespace}/{job.Metadata.Name}: finished, deleted {ttl} s after finishing");
            }
        }

        foreach (var svc in state.Store.List<Service>().Where(s => LoadBalancerMath.WantsLoadBalancer(s) && !s.Metadata.IsBeingDeleted && s.Status.LoadBalancerIngress.IsEmpty))
        {
            reasons.Add($"service {svc.Metadata.Namespace}/{svc.Metadata.Name}: load balancer <pending>");
        }

        foreach (var pod in state.Store.List<Pod>())
        {
            if (pod.IsTerminal)
            {
                continue;
            }

            if (pod.Metadata.IsBeingDeleted)
            {
                reasons.Add($"pod {pod.Metadata.Namespace}/{pod.Metadata.Name}: Terminating");
            }
            else if (!pod.IsBound)
            {
                var scheduled = pod.Status.FindCondition(PodConditionTypes.PodScheduled);
                reasons.Add($"pod {pod.Metadata.Namespace}/{pod.Metadata.Name}: Pending" + (scheduled is { Status: ConditionStatus.False } ? $" ({scheduled.Reason}: {scheduled.Message})" : string.Empty));
            }
            else if (pod.Status.Phase != PodPhase.Running || !pod.IsReady)
            {
                reasons.Add($"pod {pod.Metadata.Namespace}/{pod.Metadata.Name}: {pod.Status.Phase}, not ready");
            }
            else if (finiteRuns && pod.Spec.RestartPolicy != RestartPolicy.Always)
            {
                reasons.Add($"pod {pod.Metadata.Namespace}/{pod.Metadata.Name}: Running, runs to completion (restartPolicy {pod.Spec.RestartPolicy})");
            }
        }

        return reasons;
    }
}
