using System.Text;
using MicroPrompt.Diagnostics;
using MicroPrompt.Prompts;

namespace MicroPrompt.Core.Tests.Prompts;

public sealed class PromptParserFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mp-parser-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static MicroPromptDiagnostic SingleError(PromptParseResult result)
    {
        Assert.False(result.Success);
        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        return diagnostic;
    }

    [Fact]
    public void ValidFile_ParsesLikeText_WithOrWithoutBom()
    {
        var text = PromptText.Full;
        var plain = PromptParser.ParseFile(Write("a.mprompt", Encoding.UTF8.GetBytes(text)));
        var bom = PromptParser.ParseFile(Write("b.mprompt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n"))]));

        Assert.True(plain.Success, string.Join("\n", plain.Diagnostics));
        Assert.True(bom.Success, string.Join("\n", bom.Diagnostics));
        Assert.Equal(Path.Combine(_dir, "a.mprompt"), plain.Document!.FilePath);
        Assert.Equal(text, plain.Document.Text);
        Assert.Equal(text, bom.Document!.Text);
        Assert.Equal(plain.Document.Examples, bom.Document.Examples);
        Assert.Equal(plain.Document.KeySpans, bom.Document.KeySpans);
    }

    [Fact]
    public void MissingFile_IsMP0001_WithThePath()
    {
        var path = Path.Combine(_dir, "nope.mprompt");
        var diagnostic = SingleError(PromptParser.ParseFile(path));
        Assert.Equal(DiagnosticCodes.PromptUnreadable, diagnostic.Code);
        Assert.Equal(path, diagnostic.File);
        Assert.Equal(DiagnosticCodes.PromptUnreadable, SingleError(PromptParser.ParseFile(_dir)).Code); // a directory
    }

    [Fact]
    public void EmptyFile_IsMP0002()
    {
        Assert.Equal(DiagnosticCodes.PromptEmpty, SingleError(PromptParser.ParseFile(Write("e.mprompt", []))).Code);
        Assert.Equal(DiagnosticCodes.PromptEmpty, SingleError(PromptParser.ParseFile(Write("b.mprompt", [0xEF, 0xBB, 0xBF]))).Code);
    }

    [Fact]
    public void BinaryFile_IsMP0003_AtTheFirstNul()
    {
        var path = Write("bin.mprompt", [.. "# T\r\nab"u8, 0x00, 0x01, 0xFF]);
        var diagnostic = SingleError(PromptParser.ParseFile(path));
        Assert.Equal((DiagnosticCodes.PromptNotText, 2, 3), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains("binary", diagnostic.Message);
    }

    [Fact]
    public void InvalidUtf8_IsMP0003_AtTheBadByte()
    {
        var path = Write("latin1.mprompt", [.. "# Title\néa"u8, 0xE9, (byte)'t', (byte)'\n']); // Latin-1 'é'
        var diagnostic = SingleError(PromptParser.ParseFile(path));
        Assert.Equal((DiagnosticCodes.PromptNotText, 2, 3), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains("0xE9", diagnostic.Message);
    }

    [Fact]
    public void Utf16File_IsMP0003()
    {
        var path = Write("u16.mprompt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("# T\n\nDo it.")).ToArray());
        var diagnostic = SingleError(PromptParser.ParseFile(path));
        Assert.Equal(DiagnosticCodes.PromptNotText, diagnostic.Code);
        Assert.Contains("UTF-16", diagnostic.Message);
    }

    [Fact]
    public void FileOverTheCap_IsMP0004()
    {
        var options = new PromptParserOptions { MaxBytes = 1000 };
        var big = Write("big.mprompt", Encoding.UTF8.GetBytes("Do it." + new string('x', 1000)));
        Assert.Equal(DiagnosticCodes.PromptTooLarge, SingleError(PromptParser.ParseFile(big, options)).Code);
        Assert.True(PromptParser.ParseFile(big).Success);

        var overDefault = Write("huge.mprompt", Encoding.UTF8.GetBytes("Do it." + new string('x', PromptParserOptions.DefaultMaxBytes)));
        Assert.Equal(DiagnosticCodes.PromptTooLarge, SingleError(PromptParser.ParseFile(overDefault)).Code);
    }
}
