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
}
