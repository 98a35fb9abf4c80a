namespace KubeKernel.Model;

/// <summary>What the API server knows about a kind: its group/version, REST resource name and scope.</summary>
/// <param name="Kind">The kind name, e.g. <c>Deployment</c>.</param>
/// <param name="Group">The API group, e.g. <c>apps</c>; empty for the core (legacy) group.</param>
/// <param name="Version">The API version within the group, e.g. <c>v1</c>.</param>
/// <param name="Resource">The lowercase plural REST resource, e.g. <c>deployments</c>.</param>
/// <param name="Namespaced">True when objects of this kind live in a namespace; false for cluster-scoped kinds such as Node.</param>
public sealed record KindInfo(string Kind, string Group, string Version, string Resource, bool Namespaced)
{
    /// <summary>The <c>apiVersion</c> field: <c>apps/v1</c>, or just <c>v1</c> for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The qualified kind Kubernetes uses in messages: <c>Deployment.apps</c>, or <c>Pod</c> for the core group.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    /// <summary>The qualified resource: <c>deployments.apps</c>, or <c>pods</c> for the core group.</summary>
    public string QualifiedResource => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}
