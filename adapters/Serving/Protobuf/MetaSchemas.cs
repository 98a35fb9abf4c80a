namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>Schemas for k8s.io/apimachinery meta/v1: ObjectMeta and the label selector.</summary>
/// <remarks>Field numbers from apimachinery/pkg/apis/meta/v1/generated.proto. Leaves come first: static fields initialise in order.</remarks>
internal static class MetaSchemas
{
    public static readonly MessageSchema LabelSelectorRequirement = new("LabelSelectorRequirement",
        Field.String(1, "key"),
        Field.String(2, "operator"),
        Field.Strings(3, "values"));

    public static readonly MessageSchema LabelSelector = new("LabelSelector",
        Field.StringMap(1, "matchLabels"),
        Field.Messages(2, "matchExpressions", LabelSelectorRequirement));

    /// <summary>OwnerReference; controller and blockOwnerDeletion are *bool, so false is kept.</summary>
    public static readonly MessageSchema OwnerReference = new("OwnerReference",
        Field.String(5, "apiVersion"),
        Field.String(1, "kind"),
        Field.String(3, "name"),
        Field.String(4, "uid"),
        Field.Bool(6, "controller", keepsZero: true),
        Field.Bool(7, "blockOwnerDeletion", keepsZero: true));

    /// <summary>ObjectMeta without managedFields (17), which a create does not carry and the server rebuilds.</summary>
    public static readonly MessageSchema ObjectMeta = new("ObjectMeta",
        Field.String(1, "name"),
        Field.String(2, "generateName"),
        Field.String(3, "namespace"),
        Field.String(4, "selfLink"),
        Field.String(5, "uid"),
        Field.String(6, "resourceVersion"),
        Field.Int64(7, "generation"),
        Field.Time(8, "creationTimestamp"),
        Field.Time(9, "deletionTimestamp"),
        Field.Int64(10, "deletionGracePeriodSeconds", keepsZero: true),
        Field.StringMap(11, "labels"),
        Field.StringMap(12, "annotations"),
        Field.Messages(13, "ownerReferences", OwnerReference),
        Field.Strings(14, "finalizers"));
}
