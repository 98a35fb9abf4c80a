using KubeKernel.Model;

namespace KubeKernel.Commands;

/// <summary>The API server's answer: an HTTP code, a Status reason and message, and the object on success.</summary>
public sealed record ApiResult(int Code, string Reason, string Message, KubeObject? Object = null)
{
    public bool IsSuccess => Code is >= 200 and < 300;

    public static ApiResult Created(KubeObject obj) => new(201, "Created", string.Empty, obj);

    public static ApiResult Ok(KubeObject obj) => new(200, "OK", string.Empty, obj);

    /// <summary>Deleted (or marked for graceful deletion); the object is returned as Kubernetes does.</summary>
    public static ApiResult Deleted(KubeObject obj) => new(200, "OK", string.Empty, obj);

    public static ApiResult NotFound(KindInfo kind, string name) => new(404, "NotFound", $"{kind.QualifiedResource} \"{name}\" not found");

    public static ApiResult AlreadyExists(KindInfo kind, string name) => new(409, "AlreadyExists", $"{kind.QualifiedResource} \"{name}\" already exists");

    public static ApiResult Conflict(KindInfo kind, string name) => new(409, "Conflict",
        $"Operation cannot be fulfilled on {kind.QualifiedResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again");

    public static ApiResult Invalid(KindInfo kind, string name, IReadOnlyList<string> causes) => new(422, "Invalid",
        $"{kind.QualifiedKind} \"{name}\" is invalid: " + (causes.Count == 1 ? causes[0] : "[" + string.Join(", ", causes) + "]"));

    public static ApiResult Forbidden(string message) => new(403, "Forbidden", message);

    public static ApiResult BadRequest(string message) => new(400, "BadRequest", message);

    public override string ToString() => IsSuccess ? $"{Code} {Reason}" : $"{Code} {Reason}: {Message}";
}
