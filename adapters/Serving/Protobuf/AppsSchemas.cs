namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>Schemas for k8s.io/api apps/v1 Deployment.</summary>
/// <remarks>Field numbers from api/apps/v1/generated.proto; <c>keepsZero</c> marks Go pointer fields (see <see cref="FieldSchema"/>).</remarks>
internal static class AppsSchemas
{
    /// <summary>maxUnavailable and maxSurge are *IntOrString, so an explicit 0 is kept: it is a real limit.</summary>
    public static readonly MessageSchema RollingUpdateDeployment = new("RollingUpdateDeployment",
        Field.IntOrString(1, "maxUnavailable", keepsZero: true),
        Field.IntOrString(2, "maxSurge", keepsZero: true));

    public static readonly MessageSchema DeploymentStrategy = new("DeploymentStrategy",
        Field.String(1, "type"),
        Field.Message(2, "rollingUpdate", RollingUpdateDeployment));

    /// <summary>DeploymentSpec; replicas is *int32, so <c>--replicas=0</c> stays 0 instead of defaulting to 1.</summary>
    public static readonly MessageSchema DeploymentSpec = new("DeploymentSpec",
        Field.Int32(1, "replicas", keepsZero: true),
        Field.Message(2, "selector", MetaSchemas.LabelSelector),
        Field.Message(3, "template", CoreSchemas.PodTemplateSpec),
        Field.Message(4, "strategy", DeploymentStrategy),
        Field.Int32(5, "minReadySeconds"),
        Field.Int32(6, "revisionHistoryLimit", keepsZero: true),
        Field.Bool(7, "paused"),
        Field.Int32(9, "progressDeadlineSeconds", keepsZero: true));

    public static readonly MessageSchema Deployment = new("Deployment",
        Field.Message(1, "metadata", MetaSchemas.ObjectMeta),
        Field.Message(2, "spec", DeploymentSpec),
        Field.Message(3, "status", new MessageSchema("DeploymentStatus")));
}
