using System.Text.Json;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.Store;

/// <summary>
/// <see cref="LockEntryReader"/> reads an entry exactly as the serializer (<see cref="StoreJson"/>) does, or declines it:
/// an entry it reads gives the serializer's entry field for field, and an entry the serializer rejects it never reads
/// (so the MP4001 message stays the serializer's).
/// </summary>
public sealed class LockEntryReaderTests
{
    private const string Every = """
        {"promptHash": "p", "model": "gpt-4.1-mini", "reportedModel": "gpt-4.1-mini-2025-04-14", "provider": "openai",
         "key": "k", "codeHash": "c", "codeFile": "code/Text/Slug.cs", "origin": "edited", "base": "b0",
         "inputs": {"uses:B": "u", "prompt": "p1", "Model": "m"},
         "frontMatter": {"textHash": "t", "model": "m", "namespace": "N.S", "kind": "library", "uses": ["B"], "requires": ["Pkg"], "capabilities": ["network"]},
         "usage": {"inputTokens": 12345678901, "outputTokens": 2, "passes": 3},
         "grade": {"compiles": true, "examplesPassed": 4, "examplesTotal": 5, "firstCorrectPass": 2, "judgeScore": 0.875,
                   "judgeModel": "judge", "judgeInputTokens": 7, "judgeOutputTokens": 8, "findings": ["f1", "f\u00e9 \"2\""]},
         "capabilities": ["filesystem", "network"], "assumptions": ["a1", "\u00fcber"],
         "generatedAt": "2025-03-01T12:00:00.1234567Z", "generatorVersion": "1.2.3"}
        """;

    public static TheoryData<string> Readable => new()
    {
        Every,
        "{}",
        """{"promptHash": null, "model": null, "key": null, "codeHash": null, "codeFile": null, "generatorVersion": null, "usage": null, "grade": null, "frontMatter": null, "inputs": null, "capabilities": null, "assumptions": null}""",
        """{"PROMPTHASH": "p", "Model": "m", "GeneratedAt": "2025-03-01T12:00:00+02:00", "\u006Bey": "k", "USAGE": {"INPUTTOKENS": 1}}""",
        """{"model": "m", "unknown": {"deep": [1, {"x": null}], "n": 1.5}, "other": [true, false], "future": "x", "grade": {"compiles": false, "extra": 1}}""",
        """{"frontMatter": {"textHash": null, "uses": [], "requires": null, "capabilities": ["a", null]}, "capabilities": [null]}""",
        """{"grade": {"firstCorrectPass": null, "judgeScore": null, "judgeInputTokens": null, "judgeOutputTokens": null, "judgeModel": null, "findings": null}}""",
        """{"grade": {"judgeScore": 1e-3, "firstCorrectPass": -1}, "usage": {"passes": 0, "inputTokens": -5}}""",
        """{"inputs": {}, "generatedAt": "2025-03-01"}""",
        """{"inputs": {"uses:Prompts/Send Invoice.mprompt": "h1", "Uses:P/a.mprompt": "h2", "uses:P/A.mprompt": "h3", "requires:my.pkg-x_1": "h4"}}""",
    };

    public static TheoryData<string> Declined => new()
    {
        """{"model": 1}""",
        """{"model": true}""",
        """{"model": ["m"]}""",
        """{"usage": {"inputTokens": "1"}}""",
        """{"usage": {"inputTokens": 1.5}}""",
        """{"usage": {"inputTokens": null}}""",
        """{"usage": {"passes": 3000000000}}""",
        """{"usage": []}""",
        """{"grade": {"compiles": "true"}}""",
        """{"grade": {"compiles": null}}""",
        """{"grade": {"judgeScore": "0.5"}}""",
        """{"grade": {"firstCorrectPass": 1.0}}""",
        """{"grade": 1}""",
        """{"generatedAt": "yesterday"}""",
        """{"generatedAt": null}""",
        """{"generatedAt": 20250301}""",
        """{"inputs": {"prompt": 1}}""",
        """{"inputs": []}""",
        """{"capabilities": "network"}""",
        """{"capabilities": [1]}""",
        """{"frontMatter": {"uses": "B"}}""",
        """{"frontMatter": "x"}""",
        """{"model": "a", "Model": "b"}""",
        """{"$id": "1", "model": "m"}""",
        """{"inputs": {"uses:P/\u00c9t\u00e9.mprompt": "h"}}""", // a name culture comparison could fold: the serializer decides
        """{"inputs": {"uses:P/a\u0000.mprompt": "h"}}""",
        """{"inputs": {"prompt": "a", "prompt": "b"}}""",
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void An_entry_it_reads_is_the_serializers_entry(string json)
    {
        using var document = JsonDocument.Parse(json);
        var expected = StoreJson.Deserialize<LockEntry>(document.RootElement)!;

        Assert.True(LockEntryReader.TryRead(document.RootElement, out var read));
        Assert.Equal(StoreJson.SerializeCompact(expected), StoreJson.SerializeCompact(read));
        Assert.Equal(expected.GeneratedAt.Offset, read.GeneratedAt.Offset);
        Assert.Equal(expected.Inputs?.Comparer, read.Inputs?.Comparer);
        Assert.Equal(expected.Usage is null, read.Usage is null);
    }

    [Theory]
    [MemberData(nameof(Declined))]
    public void An_entry_of_another_shape_is_left_to_the_serializer(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.False(LockEntryReader.TryRead(document.RootElement, out _));
    }

    [Fact]
    public void A_lock_with_an_entry_of_the_wrong_type_still_gets_the_serializers_message()
    {
        var text = "{\n  \"version\": 2,\n  \"items\": {\n    \"A.mprompt\": {\"model\": \"m\", \"usage\": {\"inputTokens\": \"many\"}}\n  }\n}\n";

        var error = Assert.Throws<MicroPrompt.Diagnostics.MicroPromptException>(() => LockFileFormat.Parse(text, "lock.json", _ => true));

        Assert.Equal("MP4001", error.Diagnostic.Code);
        Assert.Contains("has an invalid entry for 'A.mprompt' (The JSON value could not be converted to MicroPrompt.Store.LockUsage)", error.Diagnostic.Message, StringComparison.Ordinal);
    }
}
