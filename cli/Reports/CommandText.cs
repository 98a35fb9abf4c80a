using KubeKernel.Commands;
using KubeKernel.Store;

namespace KubeKernel.Cli.Reports;

/// <summary>A command a step produced, in words, as the report's step panel lists it.</summary>
internal static class CommandText
{
    public static string Describe(Command command) => command switch
    {
        Reply { Result: { IsSuccess: true } ok } reply => $"reply to {reply.RequestId}: {ok.Code} {ok.Reason}{(ok.Object is { } o ? $" ({Name(o.Key)} at resourceVersion {o.Metadata.ResourceVersion})" : string.Empty)}",
        Reply reply => $"reply to {reply.RequestId}: {reply.Result.Code} {reply.Result.Reason}: {reply.Result.Message}",
        SyncPod sync => $"sync pod {sync.Pod.Namespace}/{sync.Pod.Name} on {sync.NodeName}: {(sync.Containers.IsEmpty ? "no containers" : $"containers {string.Join(", ", sync.Containers.Select(c => c.Name))}")}",
        KillContainer kill => $"kill container {kill.Container} of pod {kill.Pod.Namespace}/{kill.Pod.Name} on {kill.NodeName} (grace period {kill.GracePeriodSeconds}s)",
        RunProbe probe => $"run the {probe.Kind} probe of pod {probe.Pod.Namespace}/{probe.Pod.Name} container {probe.Container} on {probe.NodeName}",
        Persist persist => $"persist {string.Join("; ", persist.Changes.Select(Change))}",
        RecordEvent e => $"record event {e.Type} {e.Reason} on {e.InvolvedObject.Kind.ToLowerInvariant()}/{e.InvolvedObject.Name}: {e.Message}",
        ProgramService program => $"program service {program.Service.Namespace}/{program.Service.Name} on {program.NodeName}: {program.Rules.Count} rule(s)",
        ProvisionLoadBalancer lb => $"provision a load balancer for service {lb.Service.Metadata.Namespace}/{lb.Service.Metadata.Name} over {lb.Nodes.Count} node(s)",
        DeleteLoadBalancer lb => $"delete the load balancer of service {lb.Service.Namespace}/{lb.Service.Name}",
        _ => "an embedder's command",
    };

    private static string Change(StoreChange change) => $"{change.Type} {Name(change.Object.Key)} at revision {change.Revision}";

    private static string Name(Model.ObjectKey key) => $"{key.Kind.ToLowerInvariant()} {key.NamespacedName}";
}
