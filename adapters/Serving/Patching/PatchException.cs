namespace KubeKernel.Adapters.Serving.Patching;

/// <summary>A patch that cannot be applied to its target: the message is the one the Kubernetes API server puts in its Status.</summary>
/// <remarks>
/// <see cref="Code"/> is the HTTP status the API server answers with. For a JSON patch that fails (a <c>test</c> op, a missing
/// path) it is 422, reason <c>Invalid</c>, message "the server rejected our request due to an error in our request" and this
/// message as the cause; a badly formed strategic merge patch directive is 400 <c>BadRequest</c> with this message.
/// </remarks>
internal sealed class PatchException(string message, int code = PatchException.Unprocessable) : Exception(message)
{
    /// <summary>422: the patch is well formed but does not apply to this object.</summary>
    public const int Unprocessable = 422;

    /// <summary>400: the patch itself is malformed.</summary>
    public const int BadRequest = 400;

    public int Code { get; } = code;
}
