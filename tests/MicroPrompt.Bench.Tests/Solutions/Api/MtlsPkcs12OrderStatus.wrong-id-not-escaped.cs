// WRONG: puts the order id into the path as it is, without URL-escaping it ('/', '?', '#' in an id change the request)
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Bench.Api;

public static class Pkcs12Orders
{
    public static async Task<string?> GetStatusAsync(Uri baseUrl, string pkcs12Path, string pkcs12Password, string caCertificatePath, string orderId)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(pkcs12Path, pkcs12Password);
        using var ca = X509CertificateLoader.LoadCertificateFromFile(caCertificatePath);
        using var http = Create(certificate, ca);
        using var response = await http.GetAsync(new Uri(baseUrl, "v1/orders/" + orderId));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("status").GetString();
    }

    private static HttpClient Create(X509Certificate2 certificate, X509Certificate2 ca)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.ClientCertificates = new X509CertificateCollection { certificate };
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(ca);
        handler.SslOptions.CertificateChainPolicy = policy;
        return new HttpClient(handler);
    }
}
