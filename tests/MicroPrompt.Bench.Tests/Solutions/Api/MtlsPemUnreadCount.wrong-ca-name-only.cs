// WRONG: accepts the server when its certificate's issuer name equals the CA's subject, without verifying the signature chain
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class MtlsInbox
{
    public static async Task<int> CountUnreadAsync(Uri baseUrl, string certificatePem, string keyPem, string caCertificatePem)
    {
        using var certificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        using var ca = X509Certificate2.CreateFromPem(caCertificatePem);
        using var http = Create(certificate, ca);
        using var response = await http.GetAsync(new Uri(baseUrl, "v1/messages"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray().Count(m => m.GetProperty("unread").GetBoolean());
    }

    private static HttpClient Create(X509Certificate2 certificate, X509Certificate2 ca)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.ClientCertificates = new X509CertificateCollection { certificate };
        var caName = ca.SubjectName.Name;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, server, _, _) => server is X509Certificate2 c && c.IssuerName.Name == caName;
        return new HttpClient(handler);
    }
}
