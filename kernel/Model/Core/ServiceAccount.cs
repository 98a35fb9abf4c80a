namespace KubeKernel.Model;

/// <summary>A ServiceAccount: an identity for processes in pods.</summary>
/// <param name="Metadata">The ServiceAccount's metadata; pods name it in <c>spec.serviceAccountName</c>.</param>
/// <param name="AutomountServiceAccountToken"><c>automountServiceAccountToken</c>: false keeps its token out of pods that do not ask for it; null leaves the choice to the pod.</param>
public sealed record ServiceAccount(ObjectMeta Metadata, bool? AutomountServiceAccountToken = null) : KubeObject(Metadata), IKind
{
    /// <inheritdoc/>
    public static KindInfo KindInfo => Kinds.ServiceAccount;

    /// <inheritdoc/>
    public override KindInfo Info => Kinds.ServiceAccount;

    /// <summary>Null: a ServiceAccount has no spec, so its generation never changes.</summary>
    public override object? SpecValue => null;

    /// <summary>This ServiceAccount unchanged: it has no status.</summary>
    public override KubeObject WithStatusOf(KubeObject source) => this;
}
