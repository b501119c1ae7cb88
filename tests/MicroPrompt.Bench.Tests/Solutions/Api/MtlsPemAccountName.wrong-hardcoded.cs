// WRONG: returns a constant name
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class MtlsAccount
{
    public static Task<string> GetNameAsync(Uri baseUrl, string certificatePath, string keyPath, string caCertificatePath) => Task.FromResult("Grace Hopper 1a2b");
}
