// WRONG: trusts any server certificate whose issuer NAME equals the CA's subject, without checking the signature chain
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Bench.Api;

public static class MtlsAccount
{
    public static async Task<string> GetNameAsync(Uri baseUrl, string certificatePath, string keyPath, string caCertificatePath)
    {
        using var certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        using var ca = X509CertificateLoader.LoadCertificateFromFile(caCertificatePath);
        using var http = Create(certificate, ca);
        using var response = await http.GetAsync(new Uri(baseUrl, "v1/account"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("name").GetString()!;
    }

    private static HttpClient Create(X509Certificate2 certificate, X509Certificate2 ca)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.ClientCertificates = new X509CertificateCollection { certificate };
        var caSubject = ca.Subject;
        // the system does not know the private CA, so accept the server when our CA issued it
        handler.SslOptions.RemoteCertificateValidationCallback = (_, server, _, _) => server is not null && server.Issuer == caSubject;
        return new HttpClient(handler);
    }
}
