using KubeKernel.Collections;
using KubeKernel.Model;

namespace KubeKernel.Commands;

/// <summary>The API server's answer: an HTTP code, a Status reason and message, and the object on success.</summary>
/// <remarks>Failures carry Kubernetes' <c>metav1.Status</c> reason and message word for word, so an adapter can serve them to <c>kubectl</c> unchanged.</remarks>
/// <param name="Code">The HTTP status code: 200 or 201 on success, 400, 403, 404, 409, 422 … on failure.</param>
/// <param name="Reason">The <c>metav1.StatusReason</c> (<c>NotFound</c>, <c>Conflict</c>, <c>Invalid</c> …), or <c>OK</c>/<c>Created</c> on success.</param>
/// <param name="Message">The Status message a client prints; empty on success.</param>
/// <param name="Object">The object as stored (with its resourceVersion) on success; null on failure.</param>
public sealed record ApiResult(int Code, string Reason, string Message, KubeObject? Object = null)
{
    /// <summary>Whether <see cref="Code"/> is a 2xx code, i.e. the request was carried out.</summary>
    public bool IsSuccess => Code is >= 200 and < 300;

    /// <summary>
    /// For <c>422 Invalid</c>, each field error on its own (<c>spec.replicas: Invalid value: -1: must be greater than or
    /// equal to 0</c>), so an API server can send them as the Status' <c>details.causes</c>; empty otherwise.
    /// </summary>
    public ValueList<string> Causes { get; init; }

    /// <summary>201 Created: a create (POST, or an apply of a new object) or a pod binding stored <paramref name="obj"/>.</summary>
    /// <param name="obj">The object as stored.</param>
    public static ApiResult Created(KubeObject obj) => new(201, "Created", string.Empty, obj);

    /// <summary>200 OK: an update, status update, scale or namespace finalize succeeded, also when it changed nothing; <paramref name="obj"/> is the object as stored.</summary>
    /// <param name="obj">The object as stored.</param>
    public static ApiResult Ok(KubeObject obj) => new(200, "OK", string.Empty, obj);

    /// <summary>Deleted (or marked for graceful deletion); the object is returned as Kubernetes does.</summary>
    public static ApiResult Deleted(KubeObject obj) => new(200, "OK", string.Empty, obj);

    /// <summary>404 NotFound, with Kubernetes' message: <c>deployments.apps "web" not found</c>.</summary>
    /// <param name="kind">The kind; its qualified resource names it in the message.</param>
    /// <param name="name">The object's name.</param>
    public static ApiResult NotFound(KindInfo kind, string name) => new(404, "NotFound", $"{kind.QualifiedResource} \"{name}\" not found");

    /// <summary>409 AlreadyExists: a create named an object that exists (<c>pods "web-0" already exists</c>).</summary>
    /// <param name="kind">The kind; its qualified resource names it in the message.</param>
    /// <param name="name">The object's name.</param>
    public static ApiResult AlreadyExists(KindInfo kind, string name) => new(409, "AlreadyExists", $"{kind.QualifiedResource} \"{name}\" already exists");

    /// <summary>409 Conflict: the write's resourceVersion or UID precondition no longer matches the stored object (optimistic concurrency), with Kubernetes' "the object has been modified" message.</summary>
    /// <param name="kind">The kind; its qualified resource names it in the message.</param>
    /// <param name="name">The object's name.</param>
    public static ApiResult Conflict(KindInfo kind, string name) => new(409, "Conflict",
        $"Operation cannot be fulfilled on {kind.QualifiedResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again");

    /// <summary>422 Invalid: validation failed, e.g. <c>Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated</c>.</summary>
    /// <param name="kind">The kind; its qualified kind names it in the message.</param>
    /// <param name="name">The object's name.</param>
    /// <param name="causes">The field errors, at least one; several are listed in brackets.</param>
    public static ApiResult Invalid(KindInfo kind, string name, IReadOnlyList<string> causes) => Invalid(kind.QualifiedKind, name, causes);

    /// <summary>422 Invalid for a qualified kind that is not a stored kind (<c>Scale.autoscaling</c>).</summary>
    /// <param name="qualifiedKind">The kind as the message names it.</param>
    /// <param name="name">The object's name.</param>
    /// <param name="causes">The field errors, at least one; several are listed in brackets.</param>
    public static ApiResult Invalid(string qualifiedKind, string name, IReadOnlyList<string> causes) => new(422, "Invalid",
        $"{qualifiedKind} \"{name}\" is invalid: " + (causes.Count == 1 ? causes[0] : "[" + string.Join(", ", causes) + "]"))
    {
        Causes = causes.ToValueList(),
    };

    /// <summary>403 Forbidden: admission refused the request (a terminating namespace, a built-in namespace's deletion, a priority class).</summary>
    /// <param name="message">The whole message, e.g. <c>pods "web" is forbidden: …</c>.</param>
    public static ApiResult Forbidden(string message) => new(403, "Forbidden", message);

    /// <summary>400 BadRequest: the request itself is malformed (no body, a write the server does not know).</summary>
    /// <param name="message">The whole message.</param>
    public static ApiResult BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary><c>201 Created</c> on success, <c>409 Conflict: message</c> on failure: short enough for traces.</summary>
    public override string ToString() => IsSuccess ? $"{Code} {Reason}" : $"{Code} {Reason}: {Message}";
}
