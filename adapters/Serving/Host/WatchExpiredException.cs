namespace KubeKernel.Adapters.Serving.Host;

/// <summary>A watch fell a whole watch-cache window behind; it ends with <c>410 Gone</c>, and the client relists.</summary>
internal sealed class WatchExpiredException : Exception
{
    public WatchExpiredException()
        : base("too old resource version")
    {
    }
}
