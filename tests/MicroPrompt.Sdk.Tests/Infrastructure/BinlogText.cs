using System.IO.Compression;
using System.Text;

namespace MicroPrompt.Sdk.Tests.Infrastructure;

/// <summary>Searches the decompressed bytes of a binary log for a string (UTF-8 and UTF-16).</summary>
internal static class BinlogText
{
    public static bool Contains(string binlogPath, string value)
    {
        using var file = File.OpenRead(binlogPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0
            || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(value)) >= 0;
    }
}
