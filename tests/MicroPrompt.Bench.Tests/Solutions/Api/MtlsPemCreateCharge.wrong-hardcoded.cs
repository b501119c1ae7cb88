// WRONG: returns a constant charge id without charging
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class MtlsPayments
{
    public static Task<string> CreateChargeAsync(Uri baseUrl, string certificatePath, string keyPath, string caCertificatePath, long amountMinor, string currency) => Task.FromResult("ch_1a2b3c4d");
}
