using System.Text;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Prompts;

/// <summary>
/// Reads <c>.mprompt</c> files: optional YAML front matter between a first line <c>---</c> and the next <c>---</c>
/// line, then a Markdown body (instructions, <c>## Contract</c>, <c>## Examples</c>). Every problem found is reported
/// as a diagnostic with its line and column in the file; the parser never throws for any file content.
/// </summary>
public static class PromptParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and parses a prompt file (UTF-8, BOM optional).</summary>
    /// <param name="filePath">The file to read; used as given in diagnostics and <see cref="PromptDocument.FilePath"/>.</param>
    /// <param name="options">Limits; <see cref="PromptParserOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="filePath"/> is null.</exception>
    public static PromptParseResult ParseFile(string filePath, PromptParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        options ??= PromptParserOptions.Default;
        var context = new PromptParseContext(filePath);
        byte[] bytes;
        try
        {
            var info = new FileInfo(filePath);
            if (!info.Exists)
            {
                context.Report(PromptFileMessages.FileMissing(), SourceSpan.None);
                return context.ToResult(null);
            }

            if (info.Length > options.MaxBytes)
            {
                return TooLarge(context, info.Length, options);
            }

            bytes = File.ReadAllBytes(filePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException
                                       or NotSupportedException or System.Security.SecurityException)
        {
            context.Report(PromptFileMessages.FileUnreadable(ex.Message), SourceSpan.None);
            return context.ToResult(null);
        }

        if (bytes.Length == 0)
        {
            return Empty(context);
        }

        if (bytes.Length > options.MaxBytes + 3) // the file grew since it was measured; 3 = a UTF-8 BOM
        {
            return TooLarge(context, bytes.Length, options);
        }

        var text = PromptTextDecoder.Decode(bytes, context);
        return text is null ? context.ToResult(null) : Parse(filePath, text, options);
    }

    /// <summary>Parses prompt text already in memory.</summary>
    /// <param name="filePath">The file the text came from, for diagnostics and <see cref="PromptDocument.FilePath"/>.</param>
    /// <param name="text">The file's text; a leading BOM is dropped and line ends are normalized to <c>\n</c>.</param>
    /// <param name="options">Limits; <see cref="PromptParserOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="filePath"/> or <paramref name="text"/> is null.</exception>
    public static PromptParseResult Parse(string filePath, string text, PromptParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        ArgumentNullException.ThrowIfNull(text);
        var context = new PromptParseContext(filePath);
        try
        {
            return context.ToResult(ParseCore(text, options ?? PromptParserOptions.Default, context));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug in this parser or a library it uses: still a diagnostic, never a crash of the build.
            context.Report(PromptFileMessages.ParserFailed(ex), SourceSpan.None);
            return context.ToResult(null);
        }
    }

    /// <summary>
    /// Reads a prompt file's text exactly as <see cref="ParseFile"/> hands it to the parser (BOM removed, line breaks
    /// as LF), or null when it is missing, over <paramref name="maxBytes"/>, empty or not UTF-8 text (the parse then
    /// reports why). Loads no YAML or Markdown parser.
    /// </summary>
    internal static string? ReadParserInput(string filePath, int maxBytes)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(filePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException
                                       or NotSupportedException or System.Security.SecurityException)
        {
            return null;
        }

        if (bytes.Length == 0 || bytes.Length > maxBytes)
        {
            return null;
        }

        var text = PromptTextDecoder.Decode(bytes, new PromptParseContext(filePath));
        return text is null ? null : NormalizeLineBreaks(WithoutBom(text));
    }

    private static string WithoutBom(string text) => text.StartsWith('\uFEFF') ? text[1..] : text;

    private static string NormalizeLineBreaks(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static PromptDocument? ParseCore(string text, PromptParserOptions options, PromptParseContext context)
    {
        text = WithoutBom(text);

        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException)
        {
            context.Report(PromptFileMessages.UnpairedSurrogate(), SourceSpan.None);
            return null;
        }

        if (byteCount > options.MaxBytes)
        {
            TooLarge(context, byteCount, options);
            return null;
        }

        text = NormalizeLineBreaks(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            Empty(context);
            return null;
        }

        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            context.Report(PromptFileMessages.Binary("characters"), LocationOf(text, nul));
            return null;
        }

        var sections = FrontMatterSplitter.Split(text, context);
        if (sections is null)
        {
            return null;
        }

        var frontMatter = sections.Yaml is null
            ? new FrontMatter()
            : FrontMatterBinder.Bind(FrontMatterYamlReader.Read(sections.Yaml, sections.YamlFirstLine, context), context);
        var fileLines = text.Count(c => c == '\n') + 1;
        var body = MarkdownBodyReader.Read(sections.Body, sections.BodyFirstLine, fileLines, context);
        if (body is null)
        {
            return null;
        }

        return new PromptDocument
        {
            FilePath = context.FilePath,
            Text = text,
            Title = body.Title,
            Instructions = body.Instructions,
            Contract = body.Contract,
            ContractSpan = body.ContractSpan,
            Examples = frontMatter.Kind == PromptKind.Program ? ProgramExampleReader.Bind(body.Examples, context) : body.Examples,
            Model = frontMatter.Model,
            Kind = frontMatter.Kind,
            Namespace = frontMatter.Namespace,
            Uses = frontMatter.Uses,
            Requires = frontMatter.Requires,
            Review = frontMatter.Review,
            Regeneration = frontMatter.Regeneration,
            Capabilities = frontMatter.Capabilities,
            Tags = frontMatter.Tags,
            KeySpans = frontMatter.KeySpans,
        };
    }

    private static PromptParseResult Empty(PromptParseContext context)
    {
        context.Report(PromptFileMessages.Empty(), SourceSpan.None);
        return context.ToResult(null);
    }

    private static PromptParseResult TooLarge(PromptParseContext context, long bytes, PromptParserOptions options)
    {
        context.Report(PromptFileMessages.TooLarge(bytes, options.MaxBytes), SourceSpan.None);
        return context.ToResult(null);
    }

    private static SourceSpan LocationOf(string text, int index)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;

        var line = 1 + text.AsSpan(0, lineStart).Count('\n');
        return new SourceSpan(line, index - lineStart + 1);
    }
}
