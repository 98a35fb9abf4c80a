using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Host;
using Microsoft.AspNetCore.Http;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>A request for a served resource: its parsed path, the resource, and the host that serves it.</summary>
internal sealed record ResourceRequest(HttpContext Context, ResourcePath Path, ApiResource Resource, ClusterHost Host)
{
    public string Namespace => Path.Namespace;

    public string Name => Path.Name;

    public string? Query(string name) => Context.Request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    public bool DryRun => Query("dryRun") is { Length: > 0 } dry && dry.Split(',').Contains("All");

    public FieldValidation Validation => ObjectDecoder.Validation(Query("fieldValidation"));

    /// <summary>The items of this resource in scope: one namespace, or all of them for a cluster-scoped resource or an <c>-A</c> list.</summary>
    public IEnumerable<ServedItem> Items(ServedState state)
    {
        if (Resource.Info == ApiResources.Event)
        {
            return state.Events.Values.Where(e => Namespace.Length == 0 || e.Metadata.NamespaceProperty == Namespace).Select(e => ServedItem.Of(Resource, e));
        }

        var all = state.Cluster.Store.ListKind(Resource.Info.Kind);
        return (Namespace.Length == 0 ? all : all.Where(o => o.Metadata.Namespace == Namespace)).Select(o => ServedItem.Of(Resource, o, state.Managed));
    }

    public ServedItem? Find(ServedState state)
    {
        if (Resource.Info == ApiResources.Event)
        {
            return state.Events.TryGetValue($"{Namespace}/{Name}", out var ev) ? ServedItem.Of(Resource, ev) : null;
        }

        return state.Cluster.Store.Get(new Model.ObjectKey(Resource.Info.Kind, Resource.Info.Namespaced ? Namespace : string.Empty, Name)) is { } obj ? ServedItem.Of(Resource, obj, state.Managed) : null;
    }

    public Task NotFound() => HttpIo.Json(Context, 404, StatusBody.Failure(404, "NotFound", $"{Resource.Info.QualifiedResource} \"{Name}\" not found", Resource, Name));
}
