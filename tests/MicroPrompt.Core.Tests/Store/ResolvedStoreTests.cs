using System.Text.Json;
using MicroPrompt.Diagnostics;
using MicroPrompt.Hashing;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Store;

public class ResolvedStoreTests
{
    private const string SlugCode = "namespace Acme.Text;\n\npublic static class Slug\n{\n    public static string Make(string s) => s.ToLowerInvariant();\n}\n";
    private static readonly DateTime OldTime = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private static LockEntry Entry(ResolvedStore store, string itemPath, string code, string model = "gpt-4.1-mini") => new()
    {
        PromptHash = ContentHash.Sha256Hex("prompt of " + itemPath),
        Model = model,
        Provider = "openai",
        Key = ContentHash.Sha256Hex("key of " + itemPath),
        CodeHash = ContentHash.Sha256Hex(code),
        CodeFile = store.WriteCode(itemPath, code),
        Usage = new LockUsage { InputTokens = 1200, OutputTokens = 340, Passes = 2 },
        GeneratedAt = new DateTimeOffset(2025, 3, 4, 14, 5, 6, TimeSpan.FromHours(2)),
        GeneratorVersion = "1.0.0",
    };

    [Fact]
    public void Missing_lock_is_an_empty_lock()
    {
        using var temp = new TempDirectory();
        var lockFile = new ResolvedStore(temp.Combine(".microprompt")).LoadLock();
        Assert.Equal(LockFile.CurrentVersion, lockFile.Version);
        Assert.Empty(lockFile.Items);
    }

    [Fact]
    public void Code_files_have_a_stable_path_that_mirrors_the_prompt()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var hash = ContentHash.Sha256Hex(SlugCode);

        var codeFile = store.WriteCode("Text/Slug.mprompt", SlugCode);

        Assert.Equal("code/Text/Slug.cs", codeFile);
        Assert.Equal(codeFile, ResolvedStore.CodeFileFor("Text/Slug.mprompt"));
        Assert.Equal(SlugCode, File.ReadAllText(store.GetFullPath(codeFile)));
        Assert.Equal(hash, ContentHash.Sha256Hex(File.ReadAllBytes(store.GetFullPath(codeFile))));

        // A regeneration rewrites the same file (a diff in a pull request), never a new name.
        Assert.Equal(codeFile, store.WriteCode("Text/Slug.mprompt", SlugCode.Replace("ToLowerInvariant", "ToUpperInvariant")));
        Assert.Contains("ToUpperInvariant", File.ReadAllText(store.GetFullPath(codeFile)));
        Assert.Equal([store.GetFullPath(codeFile)], temp.AllFiles());
    }

    [Fact]
    public void Items_whose_sanitized_paths_coincide_get_different_files()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);

        var clean = store.WriteCode("a_b/c_d.mprompt", "class One {}");
        var sanitized = store.WriteCode("a:b/c?d.mprompt", "class Two {}");

        Assert.Equal("code/a_b/c_d.cs", clean);
        Assert.Matches("^code/a_b/c_d\\.[0-9a-f]{12}\\.cs$", sanitized);
        Assert.Equal("class One {}", File.ReadAllText(store.GetFullPath(clean)));
        Assert.Equal(sanitized, ResolvedStore.CodeFileFor("a:b/c?d.mprompt"));
    }

    [Theory]
    [InlineData("../../evil.mprompt", "code/evil.")]
    [InlineData("Text\\Windows.MPROMPT", "code/Text/Windows.")]
    [InlineData("a/CON.mprompt", "code/a/_CON.")]
    [InlineData("a:b/c?d.mprompt", "code/a_b/c_d.")]
    [InlineData("/abs/x.mprompt", "code/abs/x.")]
    public void Item_paths_are_sanitized_and_stay_inside_the_code_folder(string itemPath, string expectedStart)
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Combine("store"));
        var codeFile = store.WriteCode(itemPath, SlugCode);
        Assert.StartsWith(expectedStart, codeFile);
        Assert.StartsWith(temp.Combine("store", "code") + Path.DirectorySeparatorChar, store.GetFullPath(codeFile));
        Assert.True(File.Exists(store.GetFullPath(codeFile)));
    }

    [Fact]
    public void WriteCode_does_not_touch_an_identical_file()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var path = store.GetFullPath(store.WriteCode("Slug.mprompt", SlugCode));
        File.SetLastWriteTimeUtc(path, OldTime);

        store.WriteCode("Slug.mprompt", SlugCode);

        Assert.Equal(OldTime, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void Lock_and_code_round_trip()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var lockFile = new LockFile();
        var entry = Entry(store, "Text/Slug.mprompt", SlugCode) with { ReportedModel = "gpt-4.1-mini-2025-04-14" };
        lockFile.Items["Text/Slug.mprompt"] = entry;
        lockFile.Items["Money.mprompt"] = Entry(store, "Money.mprompt", "public record Money(decimal Amount);\n");

        Assert.True(store.SaveLock(lockFile));
        var loaded = new ResolvedStore(temp.Path).LoadLock();

        Assert.Equal(["Money.mprompt", "Text/Slug.mprompt"], loaded.Items.Keys);
        var slug = loaded.Items["Text/Slug.mprompt"];
        Assert.Equal(entry.PromptHash, slug.PromptHash);
        Assert.Equal(entry.Model, slug.Model);
        Assert.Equal(entry.ReportedModel, slug.ReportedModel);
        Assert.Equal(entry.Provider, slug.Provider);
        Assert.Equal(entry.Key, slug.Key);
        Assert.Equal(entry.CodeHash, slug.CodeHash);
        Assert.Equal(entry.CodeFile, slug.CodeFile);
        Assert.Equal(entry.GeneratedAt, slug.GeneratedAt);
        Assert.Equal(TimeSpan.Zero, slug.GeneratedAt.Offset);
        Assert.Equal(1200, slug.Usage.InputTokens);
        Assert.Equal(340, slug.Usage.OutputTokens);
        Assert.Equal(2, slug.Usage.Passes);
        Assert.Equal("1.0.0", slug.GeneratorVersion);

        Assert.True(store.TryReadCode(slug, out var code, out var problem));
        Assert.Null(problem);
        Assert.Equal(SlugCode, code);
    }

    [Fact]
    public void SaveLock_writes_deterministic_readable_json()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var a = new LockFile();
        var b = new LockFile();
        var slug = Entry(store, "Text/Slug.mprompt", SlugCode);
        var money = Entry(store, "Money.mprompt", "class Money {}");
        a.Items["Text/Slug.mprompt"] = slug;
        a.Items["Money.mprompt"] = money;
        b.Items = new SortedDictionary<string, LockEntry>(StringComparer.OrdinalIgnoreCase) // other comparer, other insertion order
        {
            ["Money.mprompt"] = money,
            ["Text/Slug.mprompt"] = slug,
            ["a.mprompt"] = Entry(store, "a.mprompt", "class A {}"),
        };
        b.Items.Remove("a.mprompt");

        var json = ResolvedStore.Serialize(a);
        Assert.Equal(json, ResolvedStore.Serialize(b));
        Assert.DoesNotContain("\r", json);
        Assert.EndsWith("}\n", json);
        Assert.StartsWith("{\n  \"version\": 2,\n  \"items\": {\n    \"Money.mprompt\": {\"promptHash\": ", json);
        Assert.Contains(", \"codeFile\": \"code/Text/Slug.cs\", ", json);
        Assert.Contains("\"generatedAt\": \"2025-03-04T12:05:06Z\"", json);
        Assert.Contains("\"usage\": {\"inputTokens\": 1200, \"outputTokens\": 340, \"passes\": 2}", json);
        Assert.DoesNotContain("null", json);
        Assert.DoesNotContain("reportedModel", json);
        Assert.True(json.IndexOf("Money.mprompt", StringComparison.Ordinal) < json.IndexOf("Text/Slug.mprompt", StringComparison.Ordinal));
        // One line per entry, so git merges different items line by line; strict JSON (no trailing comma).
        var lines = json.Split('\n');
        Assert.Equal(8, lines.Length);
        Assert.EndsWith("},", lines[3]);
        Assert.StartsWith("    \"Text/Slug.mprompt\": {", lines[4]);
        Assert.EndsWith("}", lines[4]);
        using var strict = JsonDocument.Parse(json);
        Assert.Equal(2, strict.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(slug.CodeHash, strict.RootElement.GetProperty("items").GetProperty("Text/Slug.mprompt").GetProperty("codeHash").GetString());
    }

    [Fact]
    public void An_empty_lock_is_strict_json()
    {
        var json = ResolvedStore.Serialize(new LockFile());
        Assert.Equal("{\n  \"version\": 2,\n  \"items\": {}\n}\n", json);
        using var strict = JsonDocument.Parse(json);
    }

    [Fact]
    public void An_unchanged_lock_is_not_rewritten()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var lockFile = new LockFile();
        lockFile.Items["Text/Slug.mprompt"] = Entry(store, "Text/Slug.mprompt", SlugCode);
        Assert.True(store.SaveLock(lockFile));
        File.SetLastWriteTimeUtc(store.LockPath, OldTime);

        Assert.False(store.SaveLock(store.LoadLock()));
        Assert.Equal(OldTime, File.GetLastWriteTimeUtc(store.LockPath));

        lockFile.Items["Text/Slug.mprompt"] = lockFile.Items["Text/Slug.mprompt"] with { Model = "gpt-4.1" };
        Assert.True(store.SaveLock(lockFile));
        Assert.Equal("gpt-4.1", store.LoadLock().Items["Text/Slug.mprompt"].Model);
    }

    [Fact]
    public void Tampered_code_is_never_returned()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var entry = Entry(store, "Text/Slug.mprompt", SlugCode);
        var path = store.GetFullPath(entry.CodeFile);
        File.WriteAllText(path, SlugCode.Replace("ToLowerInvariant", "ToUpperInvariant"));

        Assert.False(store.TryReadCode(entry, out var code, out var problem));

        Assert.Equal("", code);
        Assert.NotNull(problem);
        Assert.Equal(DiagnosticCodes.ResolvedCodeTampered, problem.Code);
        Assert.Equal(DiagnosticSeverity.Error, problem.Severity);
        Assert.Equal(path, problem.File);
        Assert.Contains("changed by hand", problem.Message);
        Assert.Contains("MicroPromptRegenerate", problem.Message);
        Assert.Contains("restore", problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_bom_or_line_ending_change_counts_as_tampering()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var entry = Entry(store, "Slug.mprompt", SlugCode);
        File.WriteAllText(store.GetFullPath(entry.CodeFile), SlugCode.Replace("\n", "\r\n"));
        Assert.False(store.TryReadCode(entry, out _, out var problem));
        Assert.Equal(DiagnosticCodes.ResolvedCodeTampered, problem!.Code);
    }

    [Fact]
    public void Missing_code_is_MP4003()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var entry = Entry(store, "Text/Slug.mprompt", SlugCode);
        File.Delete(store.GetFullPath(entry.CodeFile));

        Assert.False(store.TryReadCode(entry, out var code, out var problem));

        Assert.Equal("", code);
        Assert.Equal(DiagnosticCodes.ResolvedCodeMissing, problem!.Code);
        Assert.Contains(entry.CodeFile, problem.Message);
    }

    [Theory]
    [InlineData("../outside.cs")]
    [InlineData("lock.json")]
    [InlineData("")]
    public void A_code_file_outside_the_code_folder_is_refused(string codeFile)
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Combine("store"));
        File.WriteAllText(temp.Combine("outside.cs"), SlugCode);
        Directory.CreateDirectory(store.Directory);
        File.WriteAllText(store.LockPath, SlugCode);
        var entry = new LockEntry { CodeFile = codeFile, CodeHash = ContentHash.Sha256Hex(SlugCode) };

        Assert.False(store.TryReadCode(entry, out var code, out var problem));

        Assert.Equal("", code);
        Assert.Equal(DiagnosticCodes.ResolvedCodeMissing, problem!.Code);
    }

    [Theory]
    [InlineData("{ \"version\": 1, \"items\": { ")]
    [InlineData("<<<<<<< HEAD\n{}")]
    [InlineData("[]")]
    [InlineData("{ \"items\": {} }")]
    [InlineData("{ \"version\": 1, \"items\": { \"a.mprompt\": null } }")]
    [InlineData("{ \"version\": 1, \"items\": 5 }")]
    [InlineData("")]
    public void An_invalid_lock_is_MP4001_with_the_lock_path(string json)
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        File.WriteAllText(store.LockPath, json);

        var e = Assert.Throws<MicroPromptException>(() => store.LoadLock());

        Assert.Equal(DiagnosticCodes.LockUnreadable, e.Diagnostic.Code);
        Assert.Equal(store.LockPath, e.Diagnostic.File);
        Assert.Equal(DiagnosticSeverity.Error, e.Diagnostic.Severity);
    }

    [Fact]
    public void A_json_error_carries_its_line()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        File.WriteAllText(store.LockPath, "{\n  \"version\": 1,\n  \"items\": {\n    \"a\": { oops }\n  }\n}\n");

        var e = Assert.Throws<MicroPromptException>(() => store.LoadLock());

        Assert.Equal(4, e.Diagnostic.Line);
        Assert.IsAssignableFrom<JsonException>(e.InnerException);
    }

    [Theory]
    [InlineData("3", "newer")]
    [InlineData("0", "delete")]
    [InlineData("\"1\"", "delete")]
    public void An_unknown_lock_version_is_MP4002(string version, string advice)
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        File.WriteAllText(store.LockPath, $"{{ \"version\": {version}, \"items\": {{}} }}");

        var e = Assert.Throws<MicroPromptException>(() => store.LoadLock());

        Assert.Equal(DiagnosticCodes.LockVersionUnsupported, e.Diagnostic.Code);
        Assert.Equal(store.LockPath, e.Diagnostic.File);
        Assert.Contains(advice, e.Diagnostic.Message);
    }

    [Fact]
    public void A_hand_edited_lock_with_a_bom_and_nulls_still_loads()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        File.WriteAllText(
            store.LockPath,
            "\uFEFF{ \"version\": 1, // comment\n \"items\": { \"b\": { \"model\": null, \"usage\": null }, \"a\": {}, }, \"futureField\": 3 }");

        var lockFile = store.LoadLock();

        Assert.Equal(["a", "b"], lockFile.Items.Keys);
        Assert.Equal("", lockFile.Items["b"].Model);
        Assert.NotNull(lockFile.Items["b"].Usage);
    }

    [Fact]
    public void RemoveUnreferencedCode_deletes_only_unreferenced_cs_files_under_code()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var lockFile = new LockFile();
        var keep = Entry(store, "Text/Slug.mprompt", SlugCode);
        lockFile.Items["Text/Slug.mprompt"] = keep;
        var v1 = CodeFileNames.ContentAddressed("Money.mprompt", ContentHash.Sha256Hex("class Money {}"));
        File.WriteAllText(store.GetFullPath(v1), "class Money {}");
        lockFile.Items["Money.mprompt"] = new LockEntry { CodeFile = v1, CodeHash = ContentHash.Sha256Hex("class Money {}") }; // a version 1 name
        var oldSlug = CodeFileNames.ContentAddressed("Text/Slug.mprompt", ContentHash.Sha256Hex("old version"));
        File.WriteAllText(store.GetFullPath(oldSlug), "old version");
        var gone = store.WriteCode("Gone/Deep/Item.mprompt", "class Gone {}");
        File.WriteAllText(temp.Combine("code", "notes.txt"), "not code");
        File.WriteAllText(temp.Combine("outside.cs"), "not under code/");

        var removed = store.RemoveUnreferencedCode(lockFile);

        Assert.Equal([gone, oldSlug], removed);
        Assert.True(File.Exists(store.GetFullPath(keep.CodeFile)));
        Assert.True(File.Exists(store.GetFullPath(v1)));
        Assert.False(File.Exists(store.GetFullPath(oldSlug)));
        Assert.False(File.Exists(store.GetFullPath(gone)));
        Assert.False(Directory.Exists(temp.Combine("code", "Gone")));
        Assert.True(File.Exists(temp.Combine("code", "notes.txt")));
        Assert.True(File.Exists(temp.Combine("outside.cs")));
        Assert.Empty(store.RemoveUnreferencedCode(lockFile));
    }

    [Fact]
    public void RemoveUnreferencedCode_without_a_code_folder_does_nothing()
    {
        using var temp = new TempDirectory();
        Assert.Empty(new ResolvedStore(temp.Combine("none")).RemoveUnreferencedCode(new LockFile()));
    }

    [Fact]
    public void Concurrent_SaveLock_always_leaves_a_valid_lock()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var locks = Enumerable.Range(1, 8).Select(n =>
        {
            var lockFile = new LockFile();
            for (var i = 0; i < n * 20; i++)
            {
                lockFile.Items[$"Items/P{i:000}.mprompt"] = new LockEntry
                {
                    Model = $"model-{n}",
                    CodeHash = ContentHash.Sha256Hex($"{n}/{i}"),
                    CodeFile = $"code/Items/P{i:000}.cs",
                    GeneratedAt = DateTimeOffset.UnixEpoch.AddDays(n),
                };
            }

            return lockFile;
        }).ToArray();
        var expected = locks.Select(ResolvedStore.Serialize).ToHashSet();

        Parallel.For(0, 160, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var s = new ResolvedStore(temp.Path);
            s.SaveLock(locks[i % locks.Length]);
            var loaded = s.LoadLock(); // never throws: never a torn file
            Assert.Contains(ResolvedStore.Serialize(loaded), expected);
        });

        Assert.Contains(File.ReadAllText(store.LockPath), expected);
        Assert.Equal([store.LockPath], temp.AllFiles());
    }

    [Fact]
    public void AcquireLock_excludes_a_second_holder_until_released()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Combine("store"));

        var first = store.AcquireLock(TimeSpan.FromSeconds(1));
        var started = DateTime.UtcNow;
        var e = Assert.Throws<MicroPromptException>(() => store.AcquireLock(TimeSpan.FromMilliseconds(300)));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(250));
        Assert.Equal(DiagnosticCodes.StoreLockTimeout, e.Diagnostic.Code);
        Assert.EndsWith(ResolvedStore.LockGuardFileName, e.Diagnostic.File);

        first.Dispose();
        first.Dispose(); // idempotent
        using var second = new ResolvedStore(temp.Combine("store")).AcquireLock(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void AcquireLock_ignores_its_guard_file_in_git_but_keeps_a_users_gitignore()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Combine("store"));
        using (store.AcquireLock(TimeSpan.FromSeconds(1)))
        {
        }

        var gitIgnore = temp.Combine("store", ".gitignore");
        Assert.Contains(ResolvedStore.LockGuardFileName, File.ReadAllLines(gitIgnore));
        Assert.DoesNotContain("lock.json", File.ReadAllLines(gitIgnore));
        File.WriteAllText(gitIgnore, "mine\n");
        using (store.AcquireLock(TimeSpan.FromSeconds(1)))
        {
        }

        Assert.Equal("mine\n", File.ReadAllText(gitIgnore));
    }

    [Fact]
    public async Task AcquireLock_waits_for_the_holder()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var first = store.AcquireLock(TimeSpan.FromSeconds(1));
        var waiter = Task.Run(() => store.AcquireLock(TimeSpan.FromSeconds(10)));
        await Task.Delay(200);
        Assert.False(waiter.IsCompleted);

        first.Dispose();

        using var second = await waiter.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
