using System.Reflection;
using System.Text.Json;
using MicroPrompt.Diagnostics;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Store;

/// <summary>Version 1 locks (samples/QuickStart's) load unchanged, are never rewritten by reading, and migrate to version 2.</summary>
public class LockMigrationTests
{
    private static readonly string QuickStartStore = Path.Combine(
        typeof(LockMigrationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!,
        "samples", "QuickStart", ".microprompt");

    private static ResolvedStore CopyOfQuickStart(TempDirectory temp)
    {
        var target = temp.Combine(".microprompt");
        foreach (var file in Directory.EnumerateFiles(QuickStartStore, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(QuickStartStore, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return new ResolvedStore(target);
    }

    private static Dictionary<string, (string Hash, DateTime Written)> Snapshot(ResolvedStore store) =>
        Directory.EnumerateFiles(store.Directory, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(store.Directory, f),
            f => (MicroPrompt.Hashing.ContentHash.Sha256Hex(File.ReadAllBytes(f)), File.GetLastWriteTimeUtc(f)));

    [Fact]
    public void A_version_1_lock_loads_unchanged_and_reading_it_writes_nothing()
    {
        using var temp = new TempDirectory();
        var store = CopyOfQuickStart(temp);
        var before = Snapshot(store);

        var lockFile = store.LoadLock();

        Assert.Equal(1, lockFile.Version);
        Assert.False(lockFile.Reconciled);
        Assert.Equal(["Markdown/Headings.mprompt", "Program.mprompt", "Text/Slug.mprompt"], lockFile.Items.Keys);
        var slug = lockFile.Items["Text/Slug.mprompt"];
        Assert.Equal("code/Text/Slug.632f5e36d3ae.cs", slug.CodeFile);
        Assert.Equal("c5ecc2838698172139c87913256cafe10f7328bbb53ab99c53ede34d3f6b9cd2", slug.Key);
        foreach (var (item, entry) in lockFile.Items)
        {
            Assert.True(store.ReadCode(entry).IsVerified, item);
            Assert.True(ResolvedStore.NeedsMigration(item, entry), item);
        }

        Assert.Equal(before, Snapshot(store));
        Assert.False(File.Exists(Path.Combine(store.Directory, ".gitattributes")));
    }

    [Fact]
    public void Migration_moves_code_to_stable_paths_and_keeps_keys_and_hashes()
    {
        using var temp = new TempDirectory();
        var store = CopyOfQuickStart(temp);
        var original = store.LoadLock();
        var oldFiles = original.Items.Values.Select(e => e.CodeFile).Order(StringComparer.Ordinal).ToList();

        // What the resolver does on the first unlocked build: code first, then the lock, under the store lock.
        IReadOnlyList<string> removed;
        using (store.AcquireLock(TimeSpan.FromSeconds(5)))
        {
            var current = store.LoadLock();
            foreach (var (item, entry) in current.Items.ToList())
            {
                current.Items[item] = store.MigrateEntry(item, entry, new Dictionary<string, string> { ["prompt"] = entry.PromptHash });
            }

            Assert.True(store.SaveLock(current));
            removed = store.RemoveUnreferencedCode(current);
        }

        Assert.Equal(oldFiles, removed);
        using (var strict = JsonDocument.Parse(File.ReadAllText(store.LockPath)))
        {
            Assert.Equal(2, strict.RootElement.GetProperty("version").GetInt32());
            Assert.Equal(
                original.Items["Text/Slug.mprompt"].CodeHash,
                strict.RootElement.GetProperty("items").GetProperty("Text/Slug.mprompt").GetProperty("codeHash").GetString());
        }

        var migrated = store.LoadLock();
        Assert.Equal(2, migrated.Version);
        Assert.Equal(original.Items.Keys, migrated.Items.Keys);
        Assert.Equal("code/Text/Slug.cs", migrated.Items["Text/Slug.mprompt"].CodeFile);
        Assert.Equal("code/Markdown/Headings.cs", migrated.Items["Markdown/Headings.mprompt"].CodeFile);
        Assert.Equal("code/Program.cs", migrated.Items["Program.mprompt"].CodeFile);
        foreach (var (item, entry) in migrated.Items)
        {
            var before = original.Items[item];
            Assert.Equal(before.Key, entry.Key);
            Assert.Equal(before.CodeHash, entry.CodeHash);
            Assert.Equal(before.PromptHash, entry.PromptHash);
            Assert.Equal(before.GeneratedAt, entry.GeneratedAt);
            Assert.Equal(before.Usage.OutputTokens, entry.Usage.OutputTokens);
            Assert.Equal(before.Grade!.ExamplesPassed, entry.Grade!.ExamplesPassed);
            Assert.Equal(before.Capabilities, entry.Capabilities);
            Assert.Equal(LockOrigins.Migrated, entry.Origin);
            Assert.Null(entry.Base);
            Assert.Equal(before.PromptHash, entry.Inputs!["prompt"]);
            Assert.True(store.ReadCode(entry).IsVerified, item);
            Assert.False(ResolvedStore.NeedsMigration(item, entry), item);
        }

        Assert.Equal(
            ["code/Markdown/Headings.cs", "code/Program.cs", "code/Text/Slug.cs"],
            Directory.EnumerateFiles(Path.Combine(store.Directory, "code"), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(store.Directory, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.False(store.SaveLock(store.LoadLock())); // migrated once, stable afterwards
    }

    [Fact]
    public void A_version_1_entry_whose_code_was_changed_is_not_migrated()
    {
        using var temp = new TempDirectory();
        var store = CopyOfQuickStart(temp);
        var entry = store.LoadLock().Items["Text/Slug.mprompt"];
        File.AppendAllText(store.GetFullPath(entry.CodeFile), "// hand edit\n");

        var e = Assert.Throws<MicroPromptException>(() => store.MigrateEntry("Text/Slug.mprompt", entry, new Dictionary<string, string>()));

        Assert.Equal(DiagnosticCodes.ResolvedCodeTampered, e.Diagnostic.Code);
        Assert.False(File.Exists(store.GetFullPath("code/Text/Slug.cs")));
    }

    [Fact]
    public void Saving_a_loaded_version_1_lock_writes_version_2_that_still_reads_its_old_entries()
    {
        using var temp = new TempDirectory();
        var store = CopyOfQuickStart(temp);

        Assert.True(store.SaveLock(store.LoadLock()));

        var saved = store.LoadLock();
        Assert.Equal(2, saved.Version);
        Assert.Equal("code/Text/Slug.632f5e36d3ae.cs", saved.Items["Text/Slug.mprompt"].CodeFile);
        Assert.All(saved.Items.Values, e => Assert.True(store.ReadCode(e).IsVerified));
        Assert.Empty(store.RemoveUnreferencedCode(saved));
    }
}
