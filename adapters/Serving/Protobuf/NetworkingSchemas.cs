namespace KubeKernel.Adapters.Serving.Protobuf;

/// <summary>Schemas for k8s.io/api networking/v1 Ingress.</summary>
/// <remarks>Field numbers from api/networking/v1/generated.proto; <c>keepsZero</c> marks Go pointer fields (see <see cref="FieldSchema"/>).</remarks>
internal static class NetworkingSchemas
{
    public static readonly MessageSchema ServiceBackendPort = new("ServiceBackendPort",
        Field.String(1, "name"),
        Field.Int32(2, "number"));

    public static readonly MessageSchema IngressServiceBackend = new("IngressServiceBackend",
        Field.String(1, "name"),
        Field.Message(2, "port", ServiceBackendPort));

    /// <summary>core/v1 TypedLocalObjectReference, used only here; apiGroup is *string.</summary>
    public static readonly MessageSchema TypedLocalObjectReference = new("TypedLocalObjectReference",
        Field.String(1, "apiGroup", keepsZero: true),
        Field.String(2, "kind"),
        Field.String(3, "name"));

    public static readonly MessageSchema IngressBackend = new("IngressBackend",
        Field.Message(4, "service", IngressServiceBackend),
        Field.Message(3, "resource", TypedLocalObjectReference));

    public static readonly MessageSchema HttpIngressPath = new("HTTPIngressPath",
        Field.String(1, "path"),
        Field.String(3, "pathType", keepsZero: true),
        Field.Message(2, "backend", IngressBackend));

    public static readonly MessageSchema HttpIngressRuleValue = new("HTTPIngressRuleValue",
        Field.Messages(1, "paths", HttpIngressPath));

    public static readonly MessageSchema IngressRuleValue = new("IngressRuleValue",
        Field.Message(1, "http", HttpIngressRuleValue));

    public static readonly MessageSchema IngressRule = new("IngressRule",
        Field.String(1, "host"),
        Field.Inline(2, IngressRuleValue));

    public static readonly MessageSchema IngressTls = new("IngressTLS",
        Field.Strings(1, "hosts"),
        Field.String(2, "secretName"));

    public static readonly MessageSchema IngressSpec = new("IngressSpec",
        Field.String(4, "ingressClassName", keepsZero: true),
        Field.Message(1, "defaultBackend", IngressBackend),
        Field.Messages(2, "tls", IngressTls),
        Field.Messages(3, "rules", IngressRule));

    /// <summary>IngressStatus keeps its value-typed loadBalancer, as the JSON form shows it.</summary>
    public static readonly MessageSchema Ingress = new("Ingress",
        Field.Message(1, "metadata", MetaSchemas.ObjectMeta),
        Field.Message(2, "spec", IngressSpec),
        Field.Message(3, "status", new MessageSchema("IngressStatus",
            Field.Message(1, "loadBalancer", new MessageSchema("IngressLoadBalancerStatus")))));
}
