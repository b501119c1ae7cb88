using System.Security.Cryptography;
using System.Text;

namespace MicroPrompt.Hashing;

/// <summary>SHA-256 as lower-case hex: the one hash used for prompts, code and keys.</summary>
public static class ContentHash
{
    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    public static string Sha256Hex(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexString(hash).ToLowerInvariant();
    }
}
