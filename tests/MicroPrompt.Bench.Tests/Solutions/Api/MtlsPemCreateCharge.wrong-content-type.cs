// WRONG: sends the JSON body as text/plain (StringContent with an encoding but no media type)
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class MtlsPayments
{
    public static async Task<string> CreateChargeAsync(Uri baseUrl, string certificatePath, string keyPath, string caCertificatePath, long amountMinor, string currency)
    {
        using var certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        using var ca = X509CertificateLoader.LoadCertificateFromFile(caCertificatePath);
        using var http = Create(certificate, ca);
        var body = new Dictionary<string, object> { ["amount"] = amountMinor, ["currency"] = currency.ToLowerInvariant() };
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8);
        using var response = await http.PostAsync(new Uri(baseUrl, "v1/charges"), content);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
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
