using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Api;

/// <summary>The resources <c>serve</c> offers: every kind the kernel has, plus core/v1 Events (which the server keeps itself).</summary>
/// <remarks>
/// Short names and categories are kube-apiserver's (each REST storage's <c>ShortNames()</c> and <c>Categories()</c>
/// in kubernetes/kubernetes <c>pkg/registry</c>). Kinds added later without an entry here are still served, under
/// their plural name only.
/// </remarks>
internal sealed class ApiResources
{
    /// <summary>core/v1 Events: not a kernel kind; the server records the kernel's <c>RecordEvent</c> commands as Events.</summary>
    public static readonly KindInfo Event = new("Event", "", "v1", "events", true);

    private static readonly Dictionary<string, (string[] ShortNames, string[] Categories)> Known = new(StringComparer.Ordinal)
    {
        ["pods"] = (["po"], ["all"]),
        ["services"] = (["svc"], ["all"]),
        ["nodes"] = (["no"], []),
        ["namespaces"] = (["ns"], []),
        ["serviceaccounts"] = (["sa"], []),
        ["events"] = (["ev"], []),
        ["deployments"] = (["deploy"], ["all"]),
        ["replicasets"] = (["rs"], ["all"]),
        ["jobs"] = ([], ["all"]),
        ["endpointslices"] = ([], []),
        ["ingresses"] = (["ing"], []),
        ["ingressclasses"] = ([], []),
        ["priorityclasses"] = (["pc"], []),
        ["persistentvolumes"] = (["pv"], []),
        ["persistentvolumeclaims"] = (["pvc"], []),
        ["configmaps"] = (["cm"], []),
        ["secrets"] = ([], []),
    };

    private static readonly HashSet<string> Scalable = new(StringComparer.Ordinal) { "deployments", "replicasets" };

    private readonly Dictionary<(string GroupVersion, string Resource), ApiResource> byPath = [];

    public ApiResources(IEnumerable<KindInfo> kinds)
    {
        All = [.. kinds.Append(Event).Select(Describe)];
        foreach (var resource in All)
        {
            byPath[(resource.GroupVersion, resource.Resource)] = resource;
        }

        GroupVersions = [.. All.Select(r => r.GroupVersion).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Every served resource, core first, in the order discovery lists them.</summary>
    public IReadOnlyList<ApiResource> All { get; }

    /// <summary>The group/versions served: <c>v1</c>, <c>apps/v1</c> …</summary>
    public IReadOnlyList<string> GroupVersions { get; }

    public ApiResource? Find(string groupVersion, string resource) => byPath.GetValueOrDefault((groupVersion, resource));

    public ApiResource? ForKind(string kind) => All.FirstOrDefault(r => r.Info.Kind == kind);

    public IEnumerable<ApiResource> In(string groupVersion) => All.Where(r => r.GroupVersion == groupVersion);

    private static ApiResource Describe(KindInfo info)
    {
        var (shortNames, categories) = Known.GetValueOrDefault(info.Resource, ([], []));
        string[] subresources = info == Event ? [] : Scalable.Contains(info.Resource) ? ["scale", "status"] : ["status"];
        return new ApiResource(info, info.Kind.ToLowerInvariant(), shortNames, categories, subresources);
    }
}
