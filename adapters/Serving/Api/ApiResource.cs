using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Api;

/// <summary>A resource the API server serves: the kind it holds and what discovery says about it.</summary>
/// <param name="Info">The kind, its group, version, plural resource name and scope.</param>
/// <param name="Singular">The singular resource name (<c>deployment</c>).</param>
/// <param name="ShortNames">kubectl's abbreviations (<c>deploy</c>); without them <c>kubectl get deploy</c> fails.</param>
/// <param name="Categories">The categories (<c>all</c>) that <c>kubectl get all</c> expands.</param>
/// <param name="Subresources">The subresources served: <c>status</c>, and <c>scale</c> for the scalable kinds.</param>
internal sealed record ApiResource(KindInfo Info, string Singular, IReadOnlyList<string> ShortNames, IReadOnlyList<string> Categories, IReadOnlyList<string> Subresources)
{
    /// <summary>The verbs every served resource accepts (discovery lists them; <c>kubectl api-resources -o wide</c> prints them).</summary>
    public static readonly IReadOnlyList<string> Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"];

    public string Resource => Info.Resource;

    public string GroupVersion => Info.ApiVersion;

    public bool HasScale => Subresources.Contains("scale");
}
