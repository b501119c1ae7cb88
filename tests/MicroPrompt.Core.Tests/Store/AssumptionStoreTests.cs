using MicroPrompt.Hashing;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Store;

/// <summary>Assumptions in the lock (v2, optional, omitted when empty, outside every hash) and in the user cache.</summary>
public class AssumptionStoreTests
{
    private const string Code = "namespace App;\npublic static class Slug { }\n";

    private static LockEntry Entry(ResolvedStore store, List<string>? assumptions) => new()
    {
        PromptHash = ContentHash.Sha256Hex("prompt"),
        Model = "gpt-4.1-mini",
        Key = ContentHash.Sha256Hex("key"),
        CodeHash = ContentHash.Sha256Hex(Code),
        CodeFile = store.WriteCode("Text/Slug.mprompt", Code),
        Origin = LockOrigins.Generated,
        Inputs = new SortedDictionary<string, string> { ["prompt"] = ContentHash.Sha256Hex("prompt") },
        Assumptions = assumptions,
        GeneratedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero),
        GeneratorVersion = "1.0.0",
    };

    [Fact]
    public void Assumptions_round_trip_in_the_lock_on_the_item_line_and_do_not_change_the_code_hash()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var entry = Entry(store, ["Input is ASCII; \"quoted\" é stays readable.", "Empty input gives \"\"."]);

        store.SaveLock(new LockFile { Items = { ["Text/Slug.mprompt"] = entry } });

        var text = File.ReadAllText(store.LockPath);
        var line = Assert.Single(text.Split('\n'), l => l.Contains("Text/Slug.mprompt", StringComparison.Ordinal));
        Assert.Contains("\"assumptions\": [\"Input is ASCII; \\\"quoted\\\" é stays readable.\", \"Empty input gives \\\"\\\".\"]", line);
        Assert.Contains("\"version\": 2", text);
        var loaded = store.LoadLock().Items["Text/Slug.mprompt"];
        Assert.Equal(entry.Assumptions, loaded.Assumptions);
        Assert.Equal(ContentHash.Sha256Hex(Code), loaded.CodeHash);
        Assert.True(store.ReadCode(loaded).IsVerified); // the code file is the code alone
    }

    [Fact]
    public void No_assumptions_are_omitted_and_an_old_lock_without_the_field_reads_fine()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var entry = Entry(store, null);
        store.SaveLock(new LockFile { Items = { ["Text/Slug.mprompt"] = entry } });
        var written = File.ReadAllText(store.LockPath);
        Assert.DoesNotContain("assumptions", written);

        // A lock written before assumptions existed (same shape): read as none, and saved back byte for byte.
        File.WriteAllText(store.LockPath, written);
        var loaded = store.LoadLock();
        Assert.Null(loaded.Items["Text/Slug.mprompt"].Assumptions);
        Assert.False(store.SaveLock(loaded));
        Assert.Equal(written, File.ReadAllText(store.LockPath));
    }

    [Fact]
    public void The_user_cache_entry_keeps_the_assumptions()
    {
        using var temp = new TempDirectory();
        var cache = new UserCache(temp.Path);
        var record = new GenerationRecord
        {
            Key = ContentHash.Sha256Hex("key"), Code = Code, CodeHash = ContentHash.Sha256Hex(Code), Model = "m",
            Assumptions = ["Input is ASCII."],
        };

        cache.Put(record);

        Assert.True(cache.TryGet(record.Key, out var hit, out _));
        Assert.Equal(["Input is ASCII."], hit!.Assumptions);
        Assert.Contains("\"assumptions\": [", File.ReadAllText(cache.GetPath(record.Key)));
    }
}
