using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace MicroPrompt.Bench.Support;

/// <summary>
/// The mock API over HTTPS requiring a TLS client certificate (mutual TLS). A test CA, a server certificate (SAN
/// 127.0.0.1 and localhost) and a client certificate are generated per service (ECDSA P-256). The TLS handshake fails
/// without a client certificate issued by the test CA; a request is authenticated when it came with exactly
/// <see cref="ClientCertificateThumbprint"/>. The client certificate is handed out as PEM certificate + PEM private key
/// (PKCS#8) files, as a password-protected PKCS#12 file and as PEM strings; the CA certificate as a PEM file and string —
/// clients must trust the server through that CA. The files live in a folder of the current directory, deleted on dispose.
/// </summary>
public sealed class MutualTlsService : MockService
{
    private readonly TestCertificateAuthority _authority = new("MicroPrompt Bench Test CA " + RandomText.Hex(3));
    private readonly X509Certificate2 _server;
    private readonly X509Certificate2 _client;
    private int _rejectedHandshakes;

    private MutualTlsService()
    {
        _server = _authority.IssueServer();
        _client = _authority.IssueClient("bench-client-" + RandomText.Hex(3));
        Folder = Path.Combine(Directory.GetCurrentDirectory(), "mtls-" + RandomText.Hex(4));
        Directory.CreateDirectory(Folder);
        ClientCertificatePem = _client.ExportCertificatePem() + "\n";
        using (var key = _client.GetECDsaPrivateKey()!)
        {
            ClientKeyPem = key.ExportPkcs8PrivateKeyPem() + "\n";
        }

        CaCertificatePem = _authority.Certificate.ExportCertificatePem() + "\n";
        Pkcs12Password = $"p12:{RandomText.Hex(4)}!";
        ClientCertificatePath = Write("client.crt.pem", ClientCertificatePem);
        ClientKeyPath = Write("client.key.pem", ClientKeyPem);
        CaCertificatePath = Write("ca.crt.pem", CaCertificatePem);
        Pkcs12Path = Path.Combine(Folder, "client.p12");
        File.WriteAllBytes(Pkcs12Path, _client.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, Pkcs12Password));
    }

    /// <summary>The folder holding the files below (inside the current directory).</summary>
    public string Folder { get; }

    /// <summary>The client certificate, PEM (<c>-----BEGIN CERTIFICATE-----</c>).</summary>
    public string ClientCertificatePath { get; }

    /// <summary>The client certificate's private key, PEM PKCS#8 (<c>-----BEGIN PRIVATE KEY-----</c>).</summary>
    public string ClientKeyPath { get; }

    /// <summary>The client certificate with its key, PKCS#12 protected by <see cref="Pkcs12Password"/>.</summary>
    public string Pkcs12Path { get; }

    public string Pkcs12Password { get; }

    /// <summary>The test CA's certificate, PEM: the only root the server's certificate chains to.</summary>
    public string CaCertificatePath { get; }

    public string ClientCertificatePem { get; }

    public string ClientKeyPem { get; }

    public string CaCertificatePem { get; }

    /// <summary>The test CA's subject name (distinguished name), e.g. <c>CN=MicroPrompt Bench Test CA 1a2b3c, O=MicroPrompt Bench</c>.</summary>
    public string CaSubject => _authority.Certificate.Subject;

    /// <summary>SHA-1 thumbprint of the test CA's certificate.</summary>
    public string CaThumbprint => _authority.Certificate.Thumbprint;

    internal TestCertificateAuthority Authority => _authority;

    /// <summary>SHA-1 thumbprint of the client certificate (as <see cref="RecordedRequest.ClientCertificateThumbprint"/>).</summary>
    public string ClientCertificateThumbprint => _client.Thumbprint;

    /// <summary>TLS handshakes refused because the client certificate did not chain to the test CA.</summary>
    public int RejectedHandshakes => Volatile.Read(ref _rejectedHandshakes);

    protected override Action<HttpsConnectionAdapterOptions>? Https => options =>
    {
        options.ServerCertificate = _server;
        options.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
        options.CheckCertificateRevocation = false;
        options.ClientCertificateValidation = (certificate, _, _) =>
        {
            var valid = _authority.Validates(certificate, client: true);
            if (!valid)
            {
                Interlocked.Increment(ref _rejectedHandshakes);
            }

            return valid;
        };
    };

    /// <summary>Starts the service; <paramref name="basePath"/> (e.g. <c>api/v2/</c>) puts every resource under that path.</summary>
    public static async Task<MutualTlsService> StartAsync(string? basePath = null)
    {
        var service = new MutualTlsService();
        try
        {
            await service.StartServerAsync(basePath).ConfigureAwait(false);
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return service;
    }

    protected override bool IsAuthenticated(HttpContext context, string body)
        => context.Connection.ClientCertificate is { } certificate
           && string.Equals(certificate.Thumbprint, ClientCertificateThumbprint, StringComparison.OrdinalIgnoreCase);

    protected override ValueTask OnDisposedAsync()
    {
        _server.Dispose();
        _client.Dispose();
        _authority.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // a file still open: the example's working directory is removed with the build's temp folder
        }

        return ValueTask.CompletedTask;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
