using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace MicroPrompt.Bench.Support;

/// <summary>
/// A man in the middle: the same API over HTTPS, but its server certificate (for 127.0.0.1 and localhost) comes from a
/// different CA than the <see cref="MutualTlsService"/>'s. It accepts any client certificate (or none) and answers every
/// request, so a client that does not validate the server's certificate against the test CA talks to it — and a correct
/// client fails the TLS handshake (<see cref="HttpRequestException"/>) before sending anything: <see cref="MockService.Requests"/>
/// stays empty. <see cref="StartAsync()"/> uses a CA named "Impostor CA"; <see cref="StartAsync(MutualTlsService)"/> a
/// lookalike of the real service's CA — the same subject name and subject key identifier, another key — so a client
/// that compares names (issuer, subject) instead of building the chain to the given CA certificate is caught too.
/// </summary>
public sealed class ImpostorService : MockService
{
    private readonly TestCertificateAuthority _authority;
    private readonly X509Certificate2 _server;

    private ImpostorService(TestCertificateAuthority authority)
    {
        _authority = authority;
        _server = _authority.IssueServer();
    }

    /// <summary>The impostor CA's subject name (for the lookalike: the same as <see cref="MutualTlsService.CaSubject"/>).</summary>
    public string CaSubject => _authority.Certificate.Subject;

    /// <summary>SHA-1 thumbprint of the impostor CA's certificate (never the real CA's).</summary>
    public string CaThumbprint => _authority.Certificate.Thumbprint;

    protected override Action<HttpsConnectionAdapterOptions>? Https => options =>
    {
        options.ServerCertificate = _server;
        options.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
        options.CheckCertificateRevocation = false;
        options.ClientCertificateValidation = (_, _, _) => true;
    };

    /// <summary>An impostor whose CA is plainly another one ("Impostor CA").</summary>
    public static Task<ImpostorService> StartAsync() => StartAsync(new TestCertificateAuthority("Impostor CA"), null);

    /// <summary>An impostor of <paramref name="imitated"/>: its CA has the real CA's subject name and key identifier, and it serves the same base path.</summary>
    public static Task<ImpostorService> StartAsync(MutualTlsService imitated)
    {
        ArgumentNullException.ThrowIfNull(imitated);
        return StartAsync(TestCertificateAuthority.Lookalike(imitated.Authority), imitated.BasePath);
    }

    protected override bool IsAuthenticated(HttpContext context, string body) => true;

    protected override ValueTask OnDisposedAsync()
    {
        _server.Dispose();
        _authority.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<ImpostorService> StartAsync(TestCertificateAuthority authority, string? basePath)
    {
        var service = new ImpostorService(authority);
        await service.StartServerAsync(basePath).ConfigureAwait(false);
        return service;
    }
}
