using System.Globalization;
using System.Text.Json;
using MicroPrompt.Diagnostics;
using MicroPrompt.Hashing;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Store;

/// <summary>Lock v2: the new fields, reading what a git union merge leaves, and <see cref="ResolvedStore.ReadCode"/>'s states.</summary>
public class LockFormatTests
{
    private static LockEntry Entry(ResolvedStore store, string itemPath, string code, int day = 1) => LockEntries.Entry(store, itemPath, code, day);

    private static string[] Lines(string json) => json.Split('\n');

    [Fact]
    public void Inputs_origin_and_base_round_trip_in_camel_case()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var entry = Entry(store, "Text/Slug.mprompt", "class Slug {}") with
        {
            Origin = LockOrigins.Edited,
            Base = ContentHash.Sha256Hex("class OldSlug {}"),
            Inputs = new SortedDictionary<string, string>
            {
                ["uses:b.mprompt"] = new string('b', 64), ["uses:B.mprompt"] = new string('c', 64), ["prompt"] = new string('a', 64),
            },
        };
        store.SaveLock(new LockFile { Items = { ["Text/Slug.mprompt"] = entry } });

        var json = File.ReadAllText(store.LockPath);
        Assert.Contains("\"origin\": \"edited\", \"base\": \"" + entry.Base + "\", \"inputs\": {\"prompt\": ", json);
        Assert.True(json.IndexOf("uses:B.mprompt", StringComparison.Ordinal) < json.IndexOf("uses:b.mprompt", StringComparison.Ordinal)); // ordinal
        var loaded = store.LoadLock().Items["Text/Slug.mprompt"];
        Assert.Equal(LockOrigins.Edited, loaded.Origin);
        Assert.Equal(entry.Base, loaded.Base);
        Assert.Equal(["prompt", "uses:B.mprompt", "uses:b.mprompt"], loaded.Inputs!.Keys);
        Assert.False(store.SaveLock(store.LoadLock())); // stable bytes
    }

    [Fact]
    public void Inputs_are_sorted_ordinally_whatever_the_dictionary_given()
    {
        var culture = new SortedDictionary<string, string>(StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: false))
        {
            ["uses:a.mprompt"] = "1", ["uses:B.mprompt"] = "2",
        };
        Assert.Equal(["uses:a.mprompt", "uses:B.mprompt"], culture.Keys);
        Assert.Equal(["uses:B.mprompt", "uses:a.mprompt"], new LockEntry { Inputs = culture }.Inputs!.Keys);
    }

    [Fact]
    public void Version_1_entries_read_with_no_inputs_origin_or_base()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        File.WriteAllText(store.LockPath, "{ \"version\": 1, \"items\": { \"a.mprompt\": { \"codeFile\": \"code/a.0123456789ab.cs\" } } }");
        var lockFile = store.LoadLock();
        Assert.Equal(1, lockFile.Version);
        Assert.Null(lockFile.Items["a.mprompt"].Inputs);
        Assert.Null(lockFile.Items["a.mprompt"].Origin);
        Assert.Null(lockFile.Items["a.mprompt"].Base);
        Assert.False(lockFile.Reconciled);
    }

    [Fact]
    public void A_missing_comma_left_by_a_union_merge_is_read_line_by_line()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var a = Entry(store, "a.mprompt", "class A {}");
        var b = Entry(store, "b.mprompt", "class B {}");
        var c = Entry(store, "c.mprompt", "class C {}");
        store.SaveLock(new LockFile { Items = { ["a.mprompt"] = a, ["b.mprompt"] = b } });
        var lines = Lines(File.ReadAllText(store.LockPath)).ToList();
        // Both branches appended an item after the last one: union keeps both lines, neither has a comma.
        lines.Insert(5, "    \"c.mprompt\": " + LockFileFormat.OneLine(c));
        File.WriteAllText(store.LockPath, string.Join('\n', lines));
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(File.ReadAllText(store.LockPath)));

        var loaded = store.LoadLock();

        Assert.True(loaded.Reconciled);
        Assert.Equal(2, loaded.Version);
        Assert.Equal(["a.mprompt", "b.mprompt", "c.mprompt"], loaded.Items.Keys);
        Assert.All(loaded.Items.Values, e => Assert.True(store.ReadCode(e).IsVerified));
        Assert.True(store.SaveLock(loaded)); // the next write normalizes it
        using var strict = JsonDocument.Parse(File.ReadAllText(store.LockPath));
        Assert.False(store.LoadLock().Reconciled);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_item_listed_twice_keeps_the_entry_whose_code_is_on_disk(bool newerFirst)
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var old = Entry(store, "a.mprompt", "class Old {}", day: 1);
        var newer = Entry(store, "a.mprompt", "class New {}", day: 2);
        store.WriteCode("a.mprompt", "class Old {}"); // the code file on disk is the older side's (e.g. a merge resolution)
        var first = newerFirst ? newer : old;
        var second = newerFirst ? old : newer;
        File.WriteAllText(store.LockPath, "{\n  \"version\": 2,\n  \"items\": {\n"
            + $"    \"a.mprompt\": {LockFileFormat.OneLine(first)},\n    \"a.mprompt\": {LockFileFormat.OneLine(second)}\n  }}\n}}\n");

        var loaded = store.LoadLock();

        Assert.True(loaded.Reconciled);
        Assert.Equal(old.CodeHash, loaded.Items["a.mprompt"].CodeHash);
        Assert.Equal(old.Key, loaded.Items["a.mprompt"].Key);
    }

    [Fact]
    public void An_item_listed_twice_with_neither_code_on_disk_keeps_the_newest()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var old = Entry(store, "a.mprompt", "class Old {}", day: 1);
        var newer = Entry(store, "a.mprompt", "class New {}", day: 2);
        File.Delete(store.GetFullPath(newer.CodeFile));
        File.WriteAllText(store.LockPath, "{\n  \"version\": 2,\n  \"items\": {\n"
            + $"    \"a.mprompt\": {LockFileFormat.OneLine(newer)}\n    \"a.mprompt\": {LockFileFormat.OneLine(old)}\n  }}\n}}\n");

        Assert.Equal(newer.Key, store.LoadLock().Items["a.mprompt"].Key);
    }

    [Fact]
    public void When_both_duplicates_verify_the_newest_wins_and_both_are_offered()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var basis = Entry(store, "a.mprompt", "class Same {}", day: 1);
        var changed = Entry(store, "a.mprompt", "class Same {}", day: 2) with { Key = ContentHash.Sha256Hex("another key") }; // a new key whose code came out identical
        File.WriteAllText(store.LockPath, "{\n  \"version\": 2,\n  \"items\": {\n"
            + $"    \"a.mprompt\": {LockFileFormat.OneLine(changed)},\n    \"a.mprompt\": {LockFileFormat.OneLine(basis)}\n  }}\n}}\n");

        var loaded = store.LoadLock();

        Assert.Equal(changed.Key, loaded.Items["a.mprompt"].Key);
        Assert.Equal([changed.Key, basis.Key], loaded.Duplicates["a.mprompt"].Select(e => e.Key));
        Assert.Contains(loaded.Items["a.mprompt"], loaded.Duplicates["a.mprompt"]);
        Assert.Empty(new ResolvedStore(temp.Path).LoadLock().Duplicates.Keys.Except(["a.mprompt"]));
    }

    [Fact]
    public void An_entry_whose_code_is_gone_still_loads()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var gone = Entry(store, "gone.mprompt", "class Gone {}");
        File.Delete(store.GetFullPath(gone.CodeFile));
        store.SaveLock(new LockFile { Items = { ["gone.mprompt"] = gone } });

        var loaded = store.LoadLock();

        Assert.Equal(ResolvedCodeState.Missing, store.ReadCode(loaded.Items["gone.mprompt"]).State);
    }

    [Theory]
    [InlineData("    \"b.mprompt\": {\"model\": \"x\",")] // a multi-line (version 1 style) fragment
    [InlineData("<<<<<<< HEAD")]
    [InlineData("    \"b.mprompt\": 5")]
    [InlineData("  \"items\": {")]
    public void A_line_that_is_not_part_of_the_layout_is_MP4001(string line)
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        store.SaveLock(new LockFile { Items = { ["a.mprompt"] = Entry(store, "a.mprompt", "class A {}") } });
        var lines = Lines(File.ReadAllText(store.LockPath)).ToList();
        lines.Insert(4, line);
        File.WriteAllText(store.LockPath, string.Join('\n', lines));

        var e = Assert.Throws<MicroPromptException>(() => store.LoadLock());

        Assert.Equal(DiagnosticCodes.LockUnreadable, e.Diagnostic.Code);
        Assert.Equal(store.LockPath, e.Diagnostic.File);
    }

    [Fact]
    public void ReadCode_tells_missing_from_mismatch_and_gives_the_actual_content()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var entry = Entry(store, "Text/Slug.mprompt", "class Slug {}");

        var ok = store.ReadCode(entry);
        Assert.Equal(ResolvedCodeState.Verified, ok.State);
        Assert.Equal("class Slug {}", ok.Code);
        Assert.Equal(entry.CodeHash, ok.ActualHash);
        Assert.Null(ok.Problem);

        File.WriteAllText(store.GetFullPath(entry.CodeFile), "class Slug { int hand; }");
        var changed = store.ReadCode(entry);
        Assert.Equal(ResolvedCodeState.Mismatch, changed.State);
        Assert.False(changed.IsVerified);
        Assert.Equal("", changed.Code);
        Assert.Equal("class Slug { int hand; }", changed.Content);
        Assert.Equal(ContentHash.Sha256Hex("class Slug { int hand; }"), changed.ActualHash);
        Assert.Equal(DiagnosticCodes.ResolvedCodeTampered, changed.Problem!.Code);
        Assert.Equal(store.GetFullPath(entry.CodeFile), changed.FullPath);

        File.Delete(store.GetFullPath(entry.CodeFile));
        var missing = store.ReadCode(entry);
        Assert.Equal(ResolvedCodeState.Missing, missing.State);
        Assert.Null(missing.Content);
        Assert.Null(missing.ActualHash);
        Assert.Equal(DiagnosticCodes.ResolvedCodeMissing, missing.Problem!.Code);

        var outside = store.ReadCode(new LockEntry { CodeFile = "../x.cs", CodeHash = entry.CodeHash });
        Assert.Equal(ResolvedCodeState.Unreadable, outside.State);
        Assert.Equal(DiagnosticCodes.ResolvedCodeMissing, outside.Problem!.Code);
    }

    [Fact]
    public void AcquireLock_writes_gitattributes_for_a_union_merge_but_keeps_a_users()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Combine("store"));
        using (store.AcquireLock(TimeSpan.FromSeconds(1)))
        {
        }

        var attributes = temp.Combine("store", ".gitattributes");
        Assert.Contains("lock.json merge=union -text", File.ReadAllLines(attributes));
        Assert.Contains("code/** -text", File.ReadAllLines(attributes));
        File.WriteAllText(attributes, "mine\n");
        using (store.AcquireLock(TimeSpan.FromSeconds(1)))
        {
        }

        Assert.Equal("mine\n", File.ReadAllText(attributes));
    }

    [Fact]
    public void User_cache_records_keep_origin_and_base_and_old_ones_read_null()
    {
        using var temp = new TempDirectory();
        var cache = new UserCache(temp.Path);
        var code = "class A {}";
        var edited = new GenerationRecord
        {
            Key = ContentHash.Sha256Hex("edited"), Code = code, CodeHash = ContentHash.Sha256Hex(code), Model = "m",
            Origin = LockOrigins.Edited, Base = ContentHash.Sha256Hex("base"),
        };
        var old = new GenerationRecord { Key = ContentHash.Sha256Hex("old"), Code = code, CodeHash = ContentHash.Sha256Hex(code), Model = "m" };
        cache.Put(edited);
        cache.Put(old);
        Assert.DoesNotContain("origin", File.ReadAllText(cache.GetPath(old.Key)));

        Assert.True(cache.TryGet(edited.Key, out var hit, out _));
        Assert.Equal(LockOrigins.Edited, hit!.Origin);
        Assert.Equal(edited.Base, hit.Base);
        Assert.True(cache.TryGet(old.Key, out var oldHit, out _));
        Assert.Null(oldHit!.Origin);
        Assert.Null(oldHit.Base);
    }
}
