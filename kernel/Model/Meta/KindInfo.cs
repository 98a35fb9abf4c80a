namespace KubeKernel.Model;

/// <summary>What the API server knows about a kind: its group/version, REST resource name and scope.</summary>
public sealed record KindInfo(string Kind, string Group, string Version, string Resource, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The qualified kind Kubernetes uses in messages: <c>Deployment.apps</c>, or <c>Pod</c> for the core group.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    /// <summary>The qualified resource: <c>deployments.apps</c>, or <c>pods</c> for the core group.</summary>
    public string QualifiedResource => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}
