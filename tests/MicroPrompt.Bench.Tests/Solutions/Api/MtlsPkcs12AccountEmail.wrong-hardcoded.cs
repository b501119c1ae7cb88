// WRONG: returns a constant e-mail address
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Pkcs12Account
{
    public static Task<string> GetEmailAsync(Uri baseUrl, string pkcs12Path, string pkcs12Password, string caCertificatePath) => Task.FromResult("user.1a2b3c4d@example.test");
}
