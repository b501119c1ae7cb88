using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>Checks a store and user cache as a later build would: every file parses, every code file matches its hash, no temp file is left.</summary>
internal static class StoreIntegrity
{
    /// <summary>The item paths recorded in <c>lock.json</c> (empty when there is none), after checking the whole store.</summary>
    public static IReadOnlyList<string> AssertIntact(string storeDirectory, string? userCacheDirectory = null)
    {
        foreach (var folder in new[] { storeDirectory, userCacheDirectory }.Where(Directory.Exists))
        {
            Assert.Empty(Directory.EnumerateFiles(folder!, "*.tmp", SearchOption.AllDirectories));
        }

        if (userCacheDirectory is not null && Directory.Exists(userCacheDirectory))
        {
            foreach (var entry in Directory.EnumerateFiles(userCacheDirectory, "*.json", SearchOption.AllDirectories))
            {
                using var record = JsonDocument.Parse(File.ReadAllText(entry));
                Assert.Equal(record.RootElement.GetProperty("codeHash").GetString(), Sha256(record.RootElement.GetProperty("code").GetString()!));
            }
        }

        var lockPath = Path.Combine(storeDirectory, "lock.json");
        if (!File.Exists(lockPath))
        {
            return [];
        }

        using var document = JsonDocument.Parse(File.ReadAllText(lockPath));
        var items = new List<string>();
        foreach (var item in document.RootElement.GetProperty("items").EnumerateObject())
        {
            var codeFile = Path.Combine(storeDirectory, item.Value.GetProperty("codeFile").GetString()!);
            Assert.True(File.Exists(codeFile), $"{item.Name}: {codeFile} is missing");
            Assert.Equal(item.Value.GetProperty("codeHash").GetString(), Sha256(File.ReadAllText(codeFile)));
            items.Add(item.Name);
        }

        return items;
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
