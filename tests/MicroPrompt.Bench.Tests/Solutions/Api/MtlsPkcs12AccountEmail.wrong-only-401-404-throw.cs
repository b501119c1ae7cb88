// WRONG: throws only for 401 and 404; a 403 or 5xx reply is parsed as if it were the account
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Pkcs12Account
{
    public static async Task<string> GetEmailAsync(Uri baseUrl, string pkcs12Path, string pkcs12Password, string caCertificatePath)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(pkcs12Path, pkcs12Password);
        using var ca = X509CertificateLoader.LoadCertificateFromFile(caCertificatePath);
        using var http = Create(certificate, ca);
        using var response = await http.GetAsync(new Uri(baseUrl, "v1/account"));
        if (response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.NotFound)
        {
            throw new HttpRequestException($"The API answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("email").GetString()!;
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
