// WRONG: builds the mutual-TLS client once (first call's certificate and CA) and keeps it in a static field
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Bench.Api;

public static class MtlsAccount
{
    private static HttpClient? _http;

    public static async Task<string> GetNameAsync(Uri baseUrl, string certificatePath, string keyPath, string caCertificatePath)
    {
        _http ??= Create(X509Certificate2.CreateFromPemFile(certificatePath, keyPath), X509CertificateLoader.LoadCertificateFromFile(caCertificatePath));
        using var response = await _http.GetAsync(new Uri(baseUrl, "v1/account"));
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
