using System.Text.Json.Nodes;
using KubeKernel.Model;

namespace KubeKernel.Adapters.Serving.Api;

/// <summary>A request body read as an object of its resource: the kernel object, or the Status error to answer with.</summary>
/// <param name="Object">The object, when the body was acceptable.</param>
/// <param name="Wire">The body as the kind's wire model wrote it back (unknown fields dropped).</param>
/// <param name="Error">The failure (400, 422) when it was not.</param>
/// <param name="Warnings">Unknown fields under <see cref="FieldValidation.Warn"/>, as <c>Warning</c> headers name them.</param>
internal sealed record DecodedObject(KubeObject? Object, JsonNode? Wire, JsonObject? Error, IReadOnlyList<string> Warnings)
{
    public static DecodedObject Failed(JsonObject error) => new(null, null, error, []);
}
