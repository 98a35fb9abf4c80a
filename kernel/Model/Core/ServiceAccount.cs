namespace KubeKernel.Model;

/// <summary>A ServiceAccount: an identity for processes in pods.</summary>
public sealed record ServiceAccount(ObjectMeta Metadata, bool? AutomountServiceAccountToken = null) : KubeObject(Metadata), IKind
{
    public static KindInfo KindInfo => Kinds.ServiceAccount;

    public override KindInfo Info => Kinds.ServiceAccount;

    public override object? SpecValue => null;

    public override KubeObject WithStatusOf(KubeObject source) => this;
}
