// WRONG: accepts a server certificate when its issuer's distinguished name matches the CA's, whatever key signed it
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Bench.Api;

public static class Pkcs12Orders
{
    public static async Task<string?> GetStatusAsync(Uri baseUrl, string pkcs12Path, string pkcs12Password, string caCertificatePath, string orderId)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(pkcs12Path, pkcs12Password);
        using var ca = X509CertificateLoader.LoadCertificateFromFile(caCertificatePath);
        var handler = new HttpClientHandler { CheckCertificateRevocationList = false };
        handler.ClientCertificates.Add(certificate);
        var caName = ca.SubjectName.Name;
        handler.ServerCertificateCustomValidationCallback = (_, server, _, errors) =>
            errors == SslPolicyErrors.None || (server is not null && server.IssuerName.Name == caName && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0);
        using var http = new HttpClient(handler);
        using var response = await http.GetAsync(new Uri(baseUrl, "v1/orders/" + Uri.EscapeDataString(orderId)));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("status").GetString();
    }
}
