// WRONG: requests "/v1/account" relative to the host: the base URL's own path is lost
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
        http.BaseAddress = new Uri(baseUrl.GetLeftPart(UriPartial.Authority));
        using var response = await http.GetAsync("v1/account");
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("name").GetString()!;
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
