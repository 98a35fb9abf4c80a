using KubeKernel.Collections;
using KubeKernel.Commands;
using KubeKernel.Events;
using KubeKernel.Model;

namespace KubeKernel.Properties.Networking;

/// <summary>One client request against Services in a generated sequence: create or apply, an edit of the stored service, or a delete.</summary>
/// <remarks>Edits are resolved against the state when they run; an edit or delete of a service that does not exist is skipped.</remarks>
public abstract record ServiceOp
{
    /// <summary>The request this step sends, or null when there is nothing to act on.</summary>
    public abstract ClusterEvent? Request(ClusterState state);

    /// <summary>Runs the step through the reducer: the next state and the API's reply (null when skipped).</summary>
    public (ClusterState State, ApiResult? Result) Run(ClusterState state)
    {
        if (Request(state) is not { } request)
        {
            return (state, null);
        }

        var step = Kernel.Step(state, request);
        return (step.State, step.Commands.OfType<Reply>().Single().Result);
    }
}

/// <summary>Submit a whole service (create when absent, else apply over the stored one).</summary>
public sealed record SubmitOp(Service Service) : ServiceOp
{
    public override ClusterEvent Request(ClusterState state) => new ObjectSubmitted("op", Service);
}

/// <summary>What an edit changes in the stored service.</summary>
public enum ServiceEdit
{
    ChangeType,
    ReplacePorts,
    RequestNodePort,
    RequestClusterIP,
}

/// <summary>PUT the stored service back with one edit (a type change, new ports, a requested node port or cluster IP).</summary>
public sealed record EditOp(string Namespace, string Name, ServiceEdit Edit, ServiceType Type, ValueList<ServicePort> Ports, int? NodePort, string? ClusterIP) : ServiceOp
{
    public override ClusterEvent? Request(ClusterState state)
    {
        if (state.Store.Get<Service>(Namespace, Name) is not { } svc)
        {
            return null;
        }

        var spec = Edit switch
        {
            ServiceEdit.ChangeType => svc.Spec with
            {
                Type = Type,
                ExternalName = Type == ServiceType.ExternalName ? $"{Name}.example.com" : svc.Spec.ExternalName,
            },
            ServiceEdit.ReplacePorts => svc.Spec with { Ports = Ports },
            ServiceEdit.RequestNodePort => svc.Spec with { Ports = svc.Spec.Ports.IsEmpty ? Ports : svc.Spec.Ports.SetItem(0, svc.Spec.Ports[0] with { NodePort = NodePort }) },
            _ => svc.Spec with { ClusterIP = ClusterIP, ClusterIPs = ClusterIP is null ? default : [ClusterIP] },
        };
        return new ObjectSubmitted("op", svc with { Spec = spec }, SubmitVerb.Update);
    }
}

/// <summary>Delete a service.</summary>
public sealed record DeleteOp(string Namespace, string Name) : ServiceOp
{
    public override ClusterEvent? Request(ClusterState state) =>
        state.Store.Get<Service>(Namespace, Name) is null ? null : new ObjectDeleted("op", new ObjectKey(Kinds.Service.Kind, Namespace, Name));
}
