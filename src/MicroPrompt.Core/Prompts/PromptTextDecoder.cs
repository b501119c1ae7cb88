using System.Buffers;
using System.Text;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Prompts;

/// <summary>Turns a prompt file's bytes into text, refusing binary content and invalid UTF-8.</summary>
internal static class PromptTextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded text (BOM kept; the parser strips it), or null after reporting why not.</summary>
    public static string? Decode(byte[] bytes, PromptParseContext context)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            context.Report(PromptFileMessages.Utf16(), new SourceSpan(1, 1));
            return null;
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            context.Report(PromptFileMessages.Binary("bytes"), LocationOf(bytes, nul));
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var bad = FirstInvalidUtf8Offset(bytes);
            context.Report(PromptFileMessages.InvalidUtf8(bytes[bad], bad), LocationOf(bytes, bad));
            return null;
        }
    }

    private static int FirstInvalidUtf8Offset(byte[] bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes.AsSpan(offset), out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return Math.Max(0, bytes.Length - 1);
    }

    /// <summary>1-based line and column (in characters) of a byte offset; lines end at \n, \r\n or \r.</summary>
    private static SourceSpan LocationOf(byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        for (var i = lineStart; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n' || (bytes[i] == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = offset > lineStart ? Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1 : 1;
        return new SourceSpan(line, column);
    }
}
