using System.Text;
using System.Text.Json;
using MicroPrompt.Diagnostics;
using MicroPrompt.Hashing;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Store;

/// <summary>
/// <see cref="ResolvedStore.LoadLock"/> parses the UTF-8 of <c>lock.json</c> without decoding it: the result, the
/// union-merge reconciliation and the errors are those of the text read (<see cref="LockFileFormat.Parse(string, string, Func{LockEntry, bool})"/>).
/// </summary>
public class LockBytesParseTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    // Non-ASCII text in an entry: the bytes path must decode it exactly as the text path does.
    private static LockEntry Entry(ResolvedStore store, string itemPath, string code, int day = 1) =>
        LockEntries.Entry(store, itemPath, code, day) with { Provider = "Zürich ✓" };

    /// <summary>The bytes read and the text read of the same file give the same lock (compared as its canonical text).</summary>
    private static LockFile ParseBothWays(ResolvedStore store, byte[] bytes)
    {
        File.WriteAllBytes(store.LockPath, bytes);
        var fromBytes = store.LoadLock();
        var fromText = LockFileFormat.Parse(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), store.LockPath, e => store.ReadCode(e).IsVerified);
        Assert.Equal(LockFileFormat.Serialize(fromText), LockFileFormat.Serialize(fromBytes));
        Assert.Equal(fromText.Reconciled, fromBytes.Reconciled);
        Assert.Equal(fromText.Duplicates.Keys, fromBytes.Duplicates.Keys);
        return fromBytes;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Leading_byte_order_marks_are_skipped(int boms)
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var a = Entry(store, "a.mprompt", "class A {}");
        var text = LockFileFormat.Serialize(new LockFile { Items = { ["a.mprompt"] = a } });

        var loaded = ParseBothWays(store, [.. Enumerable.Repeat(Bom, boms).SelectMany(b => b), .. Encoding.UTF8.GetBytes(text)]);

        Assert.False(loaded.Reconciled);
        Assert.Equal(a.Key, loaded.Items["a.mprompt"].Key);
        Assert.Equal("Zürich ✓", loaded.Items["a.mprompt"].Provider);
    }

    [Fact]
    public void A_union_merge_with_a_bom_and_an_item_twice_is_read_line_by_line_and_reconciled()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var old = Entry(store, "a.mprompt", "class Old {}", day: 1);
        var newer = Entry(store, "a.mprompt", "class New {}", day: 2);
        var b = Entry(store, "b.mprompt", "class B {}");
        store.WriteCode("a.mprompt", "class Old {}"); // the older side's code is on disk
        // Both sides' lines of a.mprompt kept, the comma between them lost: not JSON, read line by line.
        var text = "{\n  \"version\": 2,\n  \"items\": {\n"
            + $"    \"a.mprompt\": {LockFileFormat.OneLine(newer)}\n    \"a.mprompt\": {LockFileFormat.OneLine(old)},\n"
            + $"    \"b.mprompt\": {LockFileFormat.OneLine(b)}\n  }}\n}}\n";
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));

        var loaded = ParseBothWays(store, [.. Bom, .. Encoding.UTF8.GetBytes(text)]);

        Assert.True(loaded.Reconciled);
        Assert.Equal(old.Key, loaded.Items["a.mprompt"].Key);
        Assert.Equal([newer.Key, old.Key], loaded.Duplicates["a.mprompt"].Select(e => e.Key));
        Assert.Equal(b.Key, loaded.Items["b.mprompt"].Key);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_read_as_their_decoded_text()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var a = Entry(store, "a.mprompt", "class A {}") with { Provider = "PROVIDER" };
        var bytes = Encoding.UTF8.GetBytes(LockFileFormat.Serialize(new LockFile { Items = { ["a.mprompt"] = a } }));
        var at = bytes.AsSpan().IndexOf("PROVIDER"u8);
        bytes[at] = 0xFF; // an invalid byte inside a string: the text read sees U+FFFD

        var loaded = ParseBothWays(store, bytes);

        Assert.Equal("\uFFFDROVIDER", loaded.Items["a.mprompt"].Provider);
    }

    [Theory]
    [InlineData("{\n  \"version\": 2,\n  \"items\": {\n    \"a.mprompt\": {\"model\": }\n  }\n}\n")]
    [InlineData("[1, 2]")]
    [InlineData("[1, 2")]
    [InlineData("")]
    [InlineData("// a comment and no value")]
    [InlineData("{\"version\": 2, \"items\": {}} trailing")]
    [InlineData("{\"items\": 5, \"version\": \"two\"}")]
    [InlineData("{\"version\": \"two\", \"items\": 5}")]
    [InlineData("{\"version\": \"two\", \"items\": {\"a.mprompt\": {\"model\": }}}")]
    [InlineData("{\"version\": 2, \"items\": {\"a.mprompt\": null}}")]
    [InlineData("{\"items\": {}}")]
    [InlineData("{\"version\": 99, \"items\": {}}")]
    [InlineData("{\"version\": \"two\", \"items\": {}}")]
    [InlineData("{\"version\": 2, \"items\": {\"a.mprompt\": {\"generatedAt\": \"yesterday\"}}}")]
    public void Errors_are_the_text_reads_errors(string text)
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        File.WriteAllBytes(store.LockPath, [.. Bom, .. Encoding.UTF8.GetBytes(text)]);

        var fromBytes = Assert.Throws<MicroPromptException>(() => store.LoadLock()).Diagnostic;
        var fromText = Assert.Throws<MicroPromptException>(() => LockFileFormat.Parse(text, store.LockPath, _ => true)).Diagnostic;

        Assert.Equal(fromText.Code, fromBytes.Code);
        Assert.Equal(fromText.Message, fromBytes.Message);
        Assert.Equal((fromText.File, fromText.Line, fromText.Column), (fromBytes.File, fromBytes.Line, fromBytes.Column));
    }

    [Fact]
    public void Comments_before_and_after_the_value_are_skipped_by_both_reads()
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);

        var loaded = ParseBothWays(store, Encoding.UTF8.GetBytes("// lock\n{\"version\": 2, /* none yet */ \"items\": {},}\n// end\n"));

        Assert.Empty(loaded.Items);
        Assert.Equal(2, loaded.Version);
    }

    /// <summary>A lock of hundreds of entries (a large object when read whole), non-ASCII text, a union merge or an error at its end.</summary>
    [Theory]
    [InlineData("strict")]
    [InlineData("union")]
    [InlineData("error")]
    [InlineData("not utf8")]
    public void A_large_lock_reads_as_its_text(string shape)
    {
        using var temp = new TempDirectory();
        var store = new ResolvedStore(temp.Path);
        var lockFile = new LockFile();
        for (var i = 0; i < 700; i++)
        {
            var path = $"Prompts/Zürich-✓-{i:D4}.mprompt";
            lockFile.Items[path] = Entry(store, path, $"class C{i} {{}}") with { Provider = new string('ü', i % 7) + "✓" };
        }

        var text = LockFileFormat.Serialize(lockFile);
        text = shape switch
        {
            "union" => text.Replace("},\n    \"Prompts/Zürich-✓-0500", "}\n    \"Prompts/Zürich-✓-0500", StringComparison.Ordinal),
            "error" => text[..^4] + "}\n", // the items' closing brace lost at the very end
            _ => text,
        };
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.True(bytes.Length > 256 * 1024, "the lock should be larger than the parser's first buffers");
        if (shape == "not utf8")
        {
            bytes[bytes.AsSpan().LastIndexOf("\"Prompts/"u8) + 1] = 0xFF;
        }

        if (shape == "error")
        {
            File.WriteAllBytes(store.LockPath, bytes);
            var fromBytes = Assert.Throws<MicroPromptException>(() => store.LoadLock()).Diagnostic;
            var fromText = Assert.Throws<MicroPromptException>(() => LockFileFormat.Parse(text, store.LockPath, _ => true)).Diagnostic;
            Assert.Equal((fromText.Code, fromText.Message, fromText.Line, fromText.Column), (fromBytes.Code, fromBytes.Message, fromBytes.Line, fromBytes.Column));
            Assert.True(fromBytes.Line > 700, fromBytes.Message);
            return;
        }

        var loaded = ParseBothWays(store, bytes);

        Assert.Equal(700, loaded.Items.Count);
        Assert.Equal(shape == "union", loaded.Reconciled);
        Assert.Equal("üüü✓", loaded.Items["Prompts/Zürich-✓-0003.mprompt"].Provider);
        if (shape == "not utf8")
        {
            Assert.Contains(loaded.Items.Keys, k => k.StartsWith('\uFFFD'));
        }
    }
}
