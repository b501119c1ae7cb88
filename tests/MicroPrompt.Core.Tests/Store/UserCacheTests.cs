using MicroPrompt.Diagnostics;
using MicroPrompt.Hashing;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Store;

public class UserCacheTests
{
    private static readonly string KeyA = ContentHash.Sha256Hex("key a");
    private static readonly string KeyB = ContentHash.Sha256Hex("key b");

    private static GenerationRecord Record(string key, string code = "public static class Slug { }\n") => new()
    {
        Key = key,
        Code = code,
        CodeHash = ContentHash.Sha256Hex(code),
        Model = "qwen3-coder",
        ReportedModel = "qwen3-coder:30b",
        Provider = "ollama",
        Usage = new LockUsage { InputTokens = 10, OutputTokens = 20, Passes = 1 },
        GeneratedAt = new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero),
        GeneratorVersion = "1.0.0",
    };

    [Fact]
    public void Round_trip()
    {
        using var temp = new TempDirectory();
        var cache = new UserCache(temp.Path);
        var record = Record(KeyA);

        Assert.False(cache.TryGet(KeyA, out var missing, out var noProblem));
        Assert.Null(missing);
        Assert.Null(noProblem);

        cache.Put(record);

        Assert.Equal(Path.Combine(temp.Path, KeyA[..2], KeyA + ".json"), cache.GetPath(KeyA));
        Assert.True(File.Exists(cache.GetPath(KeyA)));
        Assert.True(new UserCache(temp.Path).TryGet(KeyA, out var hit, out var problem));
        Assert.Null(problem);
        Assert.Equal(record.Code, hit!.Code);
        Assert.Equal(record.CodeHash, hit.CodeHash);
        Assert.Equal(record.Model, hit.Model);
        Assert.Equal(record.ReportedModel, hit.ReportedModel);
        Assert.Equal(record.Provider, hit.Provider);
        Assert.Equal(20, hit.Usage.OutputTokens);
        Assert.Equal(record.GeneratedAt, hit.GeneratedAt);
        Assert.False(cache.TryGet(KeyB, out _, out _));
        Assert.Single(temp.AllFiles());
    }

    [Fact]
    public void Put_fills_in_a_missing_hash_and_rejects_a_wrong_one()
    {
        using var temp = new TempDirectory();
        var cache = new UserCache(temp.Path);
        var record = Record(KeyA) with { CodeHash = "" };
        cache.Put(record);
        Assert.True(cache.TryGet(KeyA, out var hit, out _));
        Assert.Equal(ContentHash.Sha256Hex(record.Code), hit!.CodeHash);

        var wrong = Record(KeyB) with { CodeHash = ContentHash.Sha256Hex("other") };
        Assert.Throws<ArgumentException>(() => cache.Put(wrong));
        Assert.False(File.Exists(cache.GetPath(KeyB)));
    }

    [Fact]
    public void A_newer_generation_replaces_the_older_one_with_the_same_key()
    {
        using var temp = new TempDirectory();
        var cache = new UserCache(temp.Path);
        cache.Put(Record(KeyA, "class One {}"));
        cache.Put(Record(KeyA, "class Two {}"));
        Assert.True(cache.TryGet(KeyA, out var hit, out _));
        Assert.Equal("class Two {}", hit!.Code);
    }

    [Fact]
    public void Code_changed_inside_an_entry_is_set_aside_and_a_miss()
    {
        using var temp = new TempDirectory();
        var cache = new UserCache(temp.Path);
        cache.Put(Record(KeyA));
        var path = cache.GetPath(KeyA);
        File.WriteAllText(path, File.ReadAllText(path).Replace("Slug", "Evil"));

        AssertSetAside(cache, KeyA, "hash");
    }

    [Fact]
    public void A_truncated_entry_is_set_aside_and_a_miss()
    {
        using var temp = new TempDirectory();
        var cache = new UserCache(temp.Path);
        cache.Put(Record(KeyA));
        var path = cache.GetPath(KeyA);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        AssertSetAside(cache, KeyA, "JSON");

        cache.Put(Record(KeyA));
        Assert.True(cache.TryGet(KeyA, out var hit, out var problem));
        Assert.NotNull(hit);
        Assert.Null(problem);
    }

    [Fact]
    public void An_entry_stored_under_another_key_is_set_aside_and_a_miss()
    {
        using var temp = new TempDirectory();
        var cache = new UserCache(temp.Path);
        cache.Put(Record(KeyA));
        Directory.CreateDirectory(Path.GetDirectoryName(cache.GetPath(KeyB))!);
        File.Copy(cache.GetPath(KeyA), cache.GetPath(KeyB));

        AssertSetAside(cache, KeyB, KeyA);
        Assert.True(cache.TryGet(KeyA, out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("garbage")]
    public void Empty_or_garbage_entries_are_set_aside(string content)
    {
        using var temp = new TempDirectory();
        var cache = new UserCache(temp.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(cache.GetPath(KeyA))!);
        File.WriteAllText(cache.GetPath(KeyA), content);

        AssertSetAside(cache, KeyA, "");
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("a/b")]
    [InlineData("ab")]
    [InlineData("")]
    public void Keys_that_are_not_generation_keys_are_rejected(string key)
    {
        using var temp = new TempDirectory();
        var cache = new UserCache(temp.Path);
        Assert.Throws<ArgumentException>(() => cache.TryGet(key, out _, out _));
        Assert.Throws<ArgumentException>(() => cache.Put(Record(key)));
    }

    [Fact]
    public void DefaultDirectory_honours_the_variable_then_the_profile()
    {
        var configured = Path.Combine(Path.GetTempPath(), "shared-cache");
        Assert.Equal(configured, UserCache.DefaultDirectory(n => n == UserCache.DirectoryVariable ? configured : null, "/home/u"));
        Assert.Equal(Path.Combine("/home/u", ".microprompt", "cache"), UserCache.DefaultDirectory(_ => "  ", "/home/u"));
        Assert.Equal(Path.Combine(Path.GetTempPath(), "microprompt", "cache"), UserCache.DefaultDirectory(_ => null, ""));
        Assert.False(string.IsNullOrEmpty(UserCache.DefaultDirectory()));
    }

    private static void AssertSetAside(UserCache cache, string key, string reasonContains)
    {
        var path = cache.GetPath(key);
        var original = File.ReadAllBytes(path);

        Assert.False(cache.TryGet(key, out var record, out var problem));

        Assert.Null(record);
        Assert.NotNull(problem);
        Assert.Equal(DiagnosticCodes.CacheEntryCorrupt, problem.Code);
        Assert.Equal(DiagnosticSeverity.Warning, problem.Severity);
        Assert.Equal(path, problem.File);
        Assert.Contains(reasonContains, problem.Message);
        Assert.False(File.Exists(path));
        Assert.Equal(original, File.ReadAllBytes(path + ".corrupt"));

        Assert.False(cache.TryGet(key, out _, out var again)); // now a plain miss
        Assert.Null(again);
    }
}
