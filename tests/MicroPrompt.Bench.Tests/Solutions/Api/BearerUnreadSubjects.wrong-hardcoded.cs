// WRONG: returns constant subjects instead of calling the API
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Inbox
{
    public static Task<IReadOnlyList<string>> GetUnreadSubjectsAsync(Uri baseUrl, string token)
        => Task.FromResult<IReadOnlyList<string>>(["Budget 1a2b3c", "Review 4d5e6f"]);
}
