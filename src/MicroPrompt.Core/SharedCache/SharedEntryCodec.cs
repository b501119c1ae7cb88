using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MicroPrompt.Hashing;
using MicroPrompt.Store;

namespace MicroPrompt.SharedCache;

/// <summary>
/// The bytes of one shared-cache entry: a header (format, key, HMAC-SHA256 signature or <c>none</c>) and the
/// <see cref="GenerationRecord"/> as JSON. The signature covers the format line, the key and the JSON, so an entry can
/// neither be altered nor moved to another key without the signing key.
/// </summary>
internal static class SharedEntryCodec
{
    private const string Format = "microprompt-shared/1";
    private const string Unsigned = "none";

    public static byte[] Encode(GenerationRecord record, byte[]? signingKey)
    {
        var json = StoreJson.Serialize(record);
        var signature = signingKey is null ? Unsigned : Convert.ToBase64String(Sign(signingKey, record.Key, json));
        return Encoding.UTF8.GetBytes($"{Format}\nkey: {record.Key}\nsignature: {signature}\n{json}");
    }

    /// <summary>Null when the entry is valid (then <paramref name="record"/> is set), else why it was rejected.</summary>
    public static string? Decode(byte[] bytes, string key, byte[]? signingKey, out GenerationRecord? record)
    {
        record = null;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return "it is not UTF-8 text";
        }

        var lines = text.Split('\n', 4);
        if (lines.Length < 4 || lines[0] != Format || !lines[1].StartsWith("key: ", StringComparison.Ordinal) || !lines[2].StartsWith("signature: ", StringComparison.Ordinal))
        {
            return "it is not a MicroPrompt shared entry";
        }

        if (lines[1]["key: ".Length..] != key)
        {
            return $"it is stored under '{key}' but names the key '{lines[1]["key: ".Length..]}'";
        }

        var json = lines[3];
        var signature = lines[2]["signature: ".Length..];
        if (signingKey is not null)
        {
            if (signature == Unsigned)
            {
                return "it is not signed, and signing is on (MicroPromptSharedCacheSigningKeyVariable)";
            }

            byte[] given;
            try
            {
                given = Convert.FromBase64String(signature);
            }
            catch (FormatException)
            {
                return "its signature is malformed";
            }

            if (!CryptographicOperations.FixedTimeEquals(given, Sign(signingKey, key, json)))
            {
                return "its signature does not match (altered, or written with another signing key)";
            }
        }

        GenerationRecord? read;
        try
        {
            read = StoreJson.Deserialize<GenerationRecord>(json);
        }
        catch (JsonException)
        {
            return "its record is not valid JSON";
        }

        if (read is null || read.Key != key)
        {
            return "its record names another key";
        }

        if (read.Code is null || !string.Equals(ContentHash.Sha256Hex(read.Code), read.CodeHash, StringComparison.OrdinalIgnoreCase))
        {
            return "its code does not match its code hash";
        }

        record = read.WithDefaults();
        return null;
    }

    private static byte[] Sign(byte[] signingKey, string key, string json)
        => HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes($"{Format}\n{key}\n{json}"));
}
