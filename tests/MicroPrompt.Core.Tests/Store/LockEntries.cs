using MicroPrompt.Hashing;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Store;

/// <summary>A lock entry whose code file is written to the store (its hash verifies), for the lock format tests.</summary>
internal static class LockEntries
{
    public static LockEntry Entry(ResolvedStore store, string itemPath, string code, int day = 1) => new()
    {
        PromptHash = ContentHash.Sha256Hex("prompt of " + itemPath),
        Model = "gpt-4.1-mini",
        Key = ContentHash.Sha256Hex($"key of {itemPath} {code}"),
        CodeHash = ContentHash.Sha256Hex(code),
        CodeFile = store.WriteCode(itemPath, code),
        Origin = LockOrigins.Generated,
        Inputs = new SortedDictionary<string, string> { ["prompt"] = ContentHash.Sha256Hex("prompt of " + itemPath) },
        GeneratedAt = new DateTimeOffset(2025, 3, day, 12, 0, 0, TimeSpan.Zero),
        GeneratorVersion = "1.0.0",
    };
}
