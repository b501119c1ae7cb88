using System.Text;
using MicroPrompt.Hashing;
using MicroPrompt.SharedCache;
using MicroPrompt.Store;

namespace MicroPrompt.Core.Tests.SharedCache;

public class SharedEntryCodecTests
{
    private const string Key = "abc123def456";
    private static readonly byte[] SigningKey = Encoding.UTF8.GetBytes("0123456789abcdef-signing");

    private static GenerationRecord Record(string code = "public static class A { }\n") => new()
    {
        Key = Key, Code = code, CodeHash = ContentHash.Sha256Hex(code), Model = "m", Usage = new LockUsage { InputTokens = 3, OutputTokens = 4, Passes = 1 },
    };

    [Fact]
    public void Signed_and_unsigned_entries_round_trip()
    {
        Assert.Null(SharedEntryCodec.Decode(SharedEntryCodec.Encode(Record(), SigningKey), Key, SigningKey, out var signed));
        Assert.Equal(Record().Code, signed!.Code);
        Assert.Null(SharedEntryCodec.Decode(SharedEntryCodec.Encode(Record(), null), Key, null, out var plain));
        Assert.Equal(3, plain!.Usage.InputTokens);
    }

    [Theory]
    [InlineData("class A", "class B", true, "signature does not match")]            // code swapped, hash left: signature catches it
    [InlineData("class A", "class B", false, "does not match its code hash")]        // without signing the hash still catches it
    [InlineData("signature: ", "signature: AAAA", true, "signature does not match")]
    [InlineData("microprompt-shared/1", "microprompt-shared/9", true, "not a MicroPrompt shared entry")]
    public void Altered_entries_are_rejected(string find, string replace, bool signing, string reason)
    {
        var key = signing ? SigningKey : null;
        var text = Encoding.UTF8.GetString(SharedEntryCodec.Encode(Record(), key));
        var index = text.IndexOf(find, StringComparison.Ordinal);
        var altered = text[..index] + replace + text[(index + find.Length)..];
        Assert.Contains(reason, SharedEntryCodec.Decode(Encoding.UTF8.GetBytes(altered), Key, key, out var record));
        Assert.Null(record);
    }

    [Fact]
    public void Unsigned_entries_and_entries_under_another_key_are_rejected_when_signing_is_on()
    {
        Assert.Contains("not signed", SharedEntryCodec.Decode(SharedEntryCodec.Encode(Record(), null), Key, SigningKey, out _));
        Assert.Contains("names the key", SharedEntryCodec.Decode(SharedEntryCodec.Encode(Record(), SigningKey), "otherkey999", SigningKey, out _));
        Assert.Contains("not UTF-8", SharedEntryCodec.Decode([0xff, 0xfe, 0x00], Key, SigningKey, out _));
    }
}
