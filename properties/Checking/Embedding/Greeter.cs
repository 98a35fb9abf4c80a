using KubeKernel.Model;

namespace KubeKernel.Properties.Checking.Embedding;

/// <summary>The embedding example's custom kind: a Greeter keeps <c>Replicas</c> pods running (greeters.example.com/v1).</summary>
public sealed record Greeter(ObjectMeta Metadata, int Replicas, int ReadyReplicas = 0) : KubeObject(Metadata), IKind
{
    public static readonly KindInfo Greeters = new("Greeter", "example.com", "v1", "greeters", Namespaced: true);

    public static KindInfo KindInfo => Greeters;

    public override KindInfo Info => Greeters;

    public override object? SpecValue => Replicas;

    public override KubeObject WithStatusOf(KubeObject source) => this with { ReadyReplicas = ((Greeter)source).ReadyReplicas };
}
