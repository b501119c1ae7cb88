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
/// stays empty.
/// </summary>
public sealed class ImpostorService : MockService
{
    private readonly TestCertificateAuthority _authority = new("Impostor CA");
    private readonly X509Certificate2 _server;

    private ImpostorService() => _server = _authority.IssueServer();

    protected override Action<HttpsConnectionAdapterOptions>? Https => options =>
    {
        options.ServerCertificate = _server;
        options.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
        options.CheckCertificateRevocation = false;
        options.ClientCertificateValidation = (_, _, _) => true;
    };

    public static async Task<ImpostorService> StartAsync()
    {
        var service = new ImpostorService();
        await service.StartServerAsync().ConfigureAwait(false);
        return service;
    }

    protected override bool IsAuthenticated(HttpContext context, string body) => true;

    protected override ValueTask OnDisposedAsync()
    {
        _server.Dispose();
        _authority.Dispose();
        return ValueTask.CompletedTask;
    }
}
