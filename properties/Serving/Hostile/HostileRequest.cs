using System.Collections.Immutable;
using System.Net.Http.Headers;

namespace KubeKernel.Properties.Serving.Hostile;

/// <summary>One generated request the server must refuse: which hostile case it is, how it is sent, and the codes kube-apiserver answers it with.</summary>
/// <remarks><see cref="ToString"/> leaves the body out (it can be megabytes), so FsCheck's counterexample stays readable.</remarks>
internal sealed record HostileRequest(string Case, HttpMethod Method, string Path, byte[]? Body, string? ContentType, ImmutableArray<int> Codes)
{
    /// <summary>Without a Content-Length the body is sent chunked, so the server cannot refuse it by its header alone.</summary>
    public bool Chunked { get; init; }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = Chunked ? new StreamContent(new MemoryStream(Body)) : new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return message;
    }

    public override string ToString() =>
        $"{Case}: {Method} {Path} ({Body?.Length ?? 0} bytes{(Chunked ? ", chunked" : string.Empty)}, {ContentType ?? "no content type"}), expecting {string.Join(" or ", Codes)}";
}
