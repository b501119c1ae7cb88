// WRONG: returns a constant id without creating the note
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bench.Api;

public static class Notes
{
    public static Task<string> CreateAsync(Uri baseUrl, string userName, string password, string text) => Task.FromResult("note_1a2b3c");
}
