using System.Text.Json.Nodes;
using KubeKernel.Commands;

namespace KubeKernel.Adapters.Serving.Api;

/// <summary>The <c>metav1.Status</c> body of a failed request, shaped as kube-apiserver sends it and kubectl prints it.</summary>
/// <remarks>
/// kubectl prints <c>Error from server (Reason): message</c>, except for 422 Invalid, which it builds from
/// <c>details.kind</c>, <c>details.name</c> and each cause's field and message (<c>The Service "web" is invalid:
/// spec.ports[0].nodePort: Invalid value: …</c>); so causes are split into their field and message here.
/// </remarks>
internal static class StatusBody
{
    public static JsonObject Failure(int code, string reason, string message, ApiResource? resource = null, string? name = null, IEnumerable<string>? causes = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (resource is not null || name is not null || causes is not null)
        {
            var details = new JsonObject();
            if (name is { Length: > 0 })
            {
                details["name"] = name;
            }

            if (resource is not null)
            {
                details["group"] = resource.Info.Group;
                // 422 names the kind (`The Service "x" is invalid`); the other reasons name the resource (`services "x" not found`).
                details["kind"] = code == 422 ? resource.Info.Kind : resource.Resource;
            }

            if (causes is not null)
            {
                details["causes"] = new JsonArray([.. causes.Select(Cause)]);
            }

            status["details"] = details;
        }

        status["code"] = code;
        return status;
    }

    public static JsonObject From(ApiResult result, ApiResource? resource, string? name) =>
        Failure(result.Code, result.Reason, result.Message, resource, name, result.Causes.IsEmpty ? null : result.Causes);

    public static JsonObject Success(ApiResource resource, string name, string? uid) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = new JsonObject { ["name"] = name, ["group"] = resource.Info.Group, ["kind"] = resource.Resource, ["uid"] = uid },
    };

    /// <summary>A field error (<c>spec.replicas: Invalid value: -1: must be …</c>) as a Status cause with Kubernetes' cause type.</summary>
    private static JsonObject Cause(string error)
    {
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        var (field, message) = colon < 0 ? (string.Empty, error) : (error[..colon], error[(colon + 2)..]);
        return new JsonObject { ["reason"] = CauseType(message), ["message"] = message, ["field"] = field };
    }

    /// <summary>The <c>metav1.CauseType</c> of a field error, from the words its message starts with (field.ErrorType's strings).</summary>
    private static string CauseType(string message) => message switch
    {
        _ when message.StartsWith("Required value", StringComparison.Ordinal) => "FieldValueRequired",
        _ when message.StartsWith("Duplicate value", StringComparison.Ordinal) => "FieldValueDuplicate",
        _ when message.StartsWith("Unsupported value", StringComparison.Ordinal) => "FieldValueNotSupported",
        _ when message.StartsWith("Forbidden", StringComparison.Ordinal) => "FieldValueForbidden",
        _ when message.StartsWith("Too long", StringComparison.Ordinal) => "FieldValueTooLong",
        _ when message.StartsWith("Too many", StringComparison.Ordinal) => "FieldValueTooMany",
        _ when message.StartsWith("Not found", StringComparison.Ordinal) => "FieldValueNotFound",
        _ => "FieldValueInvalid",
    };
}
