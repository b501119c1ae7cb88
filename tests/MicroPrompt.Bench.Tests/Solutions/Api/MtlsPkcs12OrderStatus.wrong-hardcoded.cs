// WRONG: returns a constant status
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Pkcs12Orders
{
    public static Task<string?> GetStatusAsync(Uri baseUrl, string pkcs12Path, string pkcs12Password, string caCertificatePath, string orderId) => Task.FromResult<string?>("shipped");
}
