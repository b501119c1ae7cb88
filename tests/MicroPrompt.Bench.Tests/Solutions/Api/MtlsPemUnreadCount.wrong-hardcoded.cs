// WRONG: returns a constant count
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class MtlsInbox
{
    public static Task<int> CountUnreadAsync(Uri baseUrl, string certificatePem, string keyPem, string caCertificatePem) => Task.FromResult(3);
}
