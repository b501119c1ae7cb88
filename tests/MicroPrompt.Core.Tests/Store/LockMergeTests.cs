using System.Text.Json;
using MicroPrompt.Hashing;
using MicroPrompt.Store;
using Xunit.Abstractions;

namespace MicroPrompt.Core.Tests.Store;

/// <summary>
/// Real <c>git merge</c>s of the resolved state (lock v2, one entry per line, <c>merge=union</c> from the store's
/// <c>.gitattributes</c>): branches that change, add or remove different items merge without a conflict.
/// </summary>
public class LockMergeTests(ITestOutputHelper output)
{
    private const string Alpha = "Core/Alpha.mprompt";
    private const string Beta = "Core/Beta.mprompt";
    private const string Gamma = "Core/Gamma.mprompt";
    private const string First = "Aaa/First.mprompt";
    private const string One = "Zeta/One.mprompt";
    private const string Two = "Zeta/Two.mprompt";

    private static string Code(string item, string version) =>
        $"namespace Acme;\n\n// {item}, {version}\npublic static class {Path.GetFileNameWithoutExtension(item)}\n{{\n    public static string Version => \"{version}\";\n}}\n";

    /// <summary>What the resolver does for one item: code first, then the lock, under the store lock; then prune code.</summary>
    private static string Put(ResolvedStore store, string item, string version, int day)
    {
        using var guard = store.AcquireLock(TimeSpan.FromSeconds(5));
        var code = Code(item, version);
        var lockFile = store.LoadLock();
        lockFile.Items[item] = new LockEntry
        {
            PromptHash = ContentHash.Sha256Hex($"prompt {item} {version}"),
            Model = "gpt-4.1-mini",
            Provider = "openai",
            Key = ContentHash.Sha256Hex($"key {item} {version}"),
            CodeHash = ContentHash.Sha256Hex(code),
            CodeFile = store.WriteCode(item, code),
            Origin = LockOrigins.Generated,
            Inputs = new SortedDictionary<string, string> { ["prompt"] = ContentHash.Sha256Hex($"prompt {item} {version}") },
            Usage = new LockUsage { InputTokens = 100, OutputTokens = 50, Passes = 1 },
            GeneratedAt = new DateTimeOffset(2025, 6, day, 8, 0, 0, TimeSpan.Zero),
            GeneratorVersion = "1.0.0",
        };
        store.SaveLock(lockFile);
        store.RemoveUnreferencedCode(lockFile);
        return ContentHash.Sha256Hex(code);
    }

    private static void Remove(ResolvedStore store, string item)
    {
        using var guard = store.AcquireLock(TimeSpan.FromSeconds(5));
        var lockFile = store.LoadLock();
        lockFile.Items.Remove(item);
        store.SaveLock(lockFile);
        store.RemoveUnreferencedCode(lockFile);
    }

    private static (GitRepository Git, ResolvedStore Store) BaseRepository(TempDirectory temp)
    {
        var git = new GitRepository(temp.Combine("repo"));
        var store = new ResolvedStore(ResolvedStore.DefaultDirectory(git.Directory));
        Put(store, Alpha, "base", 1);
        Put(store, Beta, "base", 1);
        Put(store, Gamma, "base", 1);
        git.CommitAll("base: three items");
        return (git, store);
    }

    [Fact]
    public void Branches_that_change_add_and_remove_different_items_merge_without_a_conflict()
    {
        using var temp = new TempDirectory();
        var (git, store) = BaseRepository(temp);

        git.Check("checkout", "-q", "-b", "a");
        var alpha = Put(store, Alpha, "a", 2); // changes one item
        var one = Put(store, One, "a", 2); // adds an item sorting last
        git.CommitAll("a: change Alpha, add Zeta/One");

        git.Check("checkout", "-q", "-b", "b", "main");
        var two = Put(store, Two, "b", 3); // adds another item sorting last
        var first = Put(store, First, "b", 3); // and one sorting first
        Remove(store, Gamma); // removes one item
        var beta = Put(store, Beta, "b", 3); // and changes the adjacent one
        git.CommitAll("b: add Aaa/First and Zeta/Two, remove Gamma, change Beta");

        git.Check("checkout", "-q", "a");
        var (exitCode, mergeOutput) = git.Run("merge", "--no-edit", "b");
        output.WriteLine(mergeOutput);
        output.WriteLine(File.ReadAllText(store.LockPath));
        Assert.True(exitCode == 0, "git merge reported a conflict:\n" + mergeOutput);

        var merged = store.LoadLock();

        var expected = new Dictionary<string, string> { [First] = first, [Alpha] = alpha, [Beta] = beta, [One] = one, [Two] = two };
        foreach (var (item, hash) in expected)
        {
            Assert.True(merged.Items.TryGetValue(item, out var entry), $"{item} is missing from the merged lock");
            Assert.Equal(hash, entry.CodeHash);
            Assert.Equal(ResolvedStore.CodeFileFor(item), entry.CodeFile);
            Assert.True(store.ReadCode(entry).IsVerified, $"{item}'s code does not verify");
        }

        // A union merge may bring back the line of the removed item (branch a touched its comma); its code is gone with
        // it, and the resolver prunes entries whose prompt no longer exists. Nothing else is in the lock.
        Assert.Empty(merged.Items.Keys.Except(expected.Keys).Except([Gamma]));
        if (merged.Items.TryGetValue(Gamma, out var gamma))
        {
            Assert.Equal(ResolvedCodeState.Missing, store.ReadCode(gamma).State);
        }

        Assert.False(File.Exists(store.GetFullPath(ResolvedStore.CodeFileFor(Gamma))));

        // The next write normalizes the merged file into strict JSON again.
        merged.Items.Remove(Gamma);
        store.SaveLock(merged);
        Assert.Empty(store.RemoveUnreferencedCode(merged));
        using var strict = JsonDocument.Parse(File.ReadAllText(store.LockPath));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), strict.RootElement.GetProperty("items").EnumerateObject().Select(p => p.Name));
        Assert.False(store.LoadLock().Reconciled);
    }

    [Fact]
    public void Branches_that_change_the_same_item_conflict_in_its_code_file_only()
    {
        using var temp = new TempDirectory();
        var (git, store) = BaseRepository(temp);

        git.Check("checkout", "-q", "-b", "a");
        var ours = Put(store, Alpha, "a", 2);
        git.CommitAll("a: change Alpha");
        git.Check("checkout", "-q", "-b", "b", "main");
        var theirs = Put(store, Alpha, "b", 3);
        git.CommitAll("b: change Alpha too");
        git.Check("checkout", "-q", "a");

        var (exitCode, mergeOutput) = git.Run("merge", "--no-edit", "b");
        output.WriteLine(mergeOutput);
        output.WriteLine(File.ReadAllText(store.LockPath));

        // A real conflict, in the code (that is correct: two different resolutions of one prompt); never in lock.json.
        Assert.NotEqual(0, exitCode);
        Assert.Equal(".microprompt/code/Core/Alpha.cs", git.Check("diff", "--name-only", "--diff-filter=U").Trim());

        // Unresolved (conflict markers in the code): the lock still loads; no side verifies, so the newest entry is kept.
        var unresolved = store.LoadLock();
        Assert.True(unresolved.Reconciled);
        Assert.Equal(theirs, unresolved.Items[Alpha].CodeHash);
        Assert.Equal(ResolvedCodeState.Mismatch, store.ReadCode(unresolved.Items[Alpha]).State);

        // Resolving the code file picks the matching lock entry.
        git.Check("checkout", "--ours", "--", ".microprompt/code/Core/Alpha.cs");
        Assert.Equal(ours, store.LoadLock().Items[Alpha].CodeHash);
        Assert.True(store.ReadCode(store.LoadLock().Items[Alpha]).IsVerified);
        git.Check("checkout", "--theirs", "--", ".microprompt/code/Core/Alpha.cs");
        Assert.Equal(theirs, store.LoadLock().Items[Alpha].CodeHash);
        Assert.True(store.ReadCode(store.LoadLock().Items[Alpha]).IsVerified);
        Assert.Equal(3, store.LoadLock().Items.Count);
    }
}
