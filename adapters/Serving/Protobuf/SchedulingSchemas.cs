namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>Schemas for k8s.io/api scheduling/v1 PriorityClass.</summary>
/// <remarks>Field numbers from api/scheduling/v1/generated.proto.</remarks>
internal static class SchedulingSchemas
{
    /// <summary>
    /// PriorityClass; <c>value</c> is a plain int32 without <c>omitempty</c>, and 0 is a real priority, so it is kept;
    /// preemptionPolicy is a pointer.
    /// </summary>
    public static readonly MessageSchema PriorityClass = new("PriorityClass",
        Field.Message(1, "metadata", MetaSchemas.ObjectMeta),
        Field.Int32(2, "value", keepsZero: true),
        Field.Bool(3, "globalDefault"),
        Field.String(4, "description"),
        Field.String(5, "preemptionPolicy", keepsZero: true));
}
