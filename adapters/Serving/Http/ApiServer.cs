using System.Net;
using System.Security.Cryptography.X509Certificates;
using KubeKernel.Adapters.Serving.Api;
using KubeKernel.Adapters.Serving.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KubeKernel.Adapters.Serving.Http;

/// <summary>The HTTP server in front of a <see cref="ClusterHost"/>: Kestrel on one address, every request to the <see cref="ApiRouter"/>.</summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ApiServer(WebApplication app, Uri address, X509Certificate2? certificate)
    {
        this.app = app;
        Address = address;
        Certificate = certificate;
    }

    /// <summary>Where the server listens, with the port it was given (a free one when asked for port 0).</summary>
    public Uri Address { get; }

    /// <summary>The self-signed certificate served over HTTPS, or null when the server speaks plain HTTP.</summary>
    public X509Certificate2? Certificate { get; }

    public static async Task<ApiServer> Start(ClusterHost host, ApiResources resources, IPAddress address, int port, TokenFile? tokens, ServerVersion version)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Tokens need TLS: kubectl sends a bearer token only over HTTPS.
        var certificate = tokens is null ? null : ServingCertificate.For(address);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var router = new ApiRouter(host, resources, version);
        app.Run(async context =>
        {
            if (tokens is not null && tokens.Authenticate(context.Request.Headers.Authorization) is null)
            {
                await HttpIo.Failure(context, 401, "Unauthorized", "Unauthorized").ConfigureAwait(false);
                return;
            }

            try
            {
                await router.Handle(context).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
            {
                // A request the server cannot handle is its bug, not the client's: a 500 Status, never a stack trace.
                await HttpIo.Failure(context, 500, "InternalError", "an error on the server has prevented the request from succeeding").ConfigureAwait(false);
            }
        });
        await app.StartAsync().ConfigureAwait(false);
        var bound = app.Urls.First();
        return new ApiServer(app, new Uri(bound.Replace("[::]", address.ToString(), StringComparison.Ordinal)), certificate);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        Certificate?.Dispose();
    }
}
