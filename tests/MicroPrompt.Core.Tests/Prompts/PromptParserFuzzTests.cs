using System.Text;
using MicroPrompt.Diagnostics;
using MicroPrompt.Prompts;

namespace MicroPrompt.Core.Tests.Prompts;

/// <summary>The parser must answer with diagnostics, never an exception, whatever it is given.</summary>
public sealed class PromptParserFuzzTests : IDisposable
{
    private static readonly string[] Tokens =
    [
        "---", "\n", "\r\n", "\r", " ", "  ", "\t", ":", ": ", "- ", "[", "]", "{", "}", ",", "'", "\"", "#", "# ", "## ",
        "## Contract", "## Examples", "```", "```csharp", "~~~", ">", "*", "&a", "*a", "!!str", "?", "|", ">-", "%YAML 1.2",
        "...", "model", "kind", "uses", "requires", "review", "capabilities", "namespace", "library", "program",
        "Foo >= 1.0", "[1.0,2.0)", "1.*", "x == 1", ";", "<!--", "-->", "\\", "é", "\uFEFF", "\u2028", "\u0085", "\0", "\uD800",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("mp-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AssertWellFormed(PromptParseResult result)
    {
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError);
        Assert.Equal(result.Success, result.Document is not null);
        Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 0 && d.Column >= 0 && d.Code.StartsWith("MP0", StringComparison.Ordinal), d.ToString()));
    }

    [Fact]
    public void RandomTokenSoup_NeverThrows()
    {
        var random = new Random(20240601);
        for (var i = 0; i < 3000; i++)
        {
            var builder = new StringBuilder();
            if (random.Next(2) == 0)
            {
                builder.Append("---\n");
            }

            var count = random.Next(0, 60);
            for (var j = 0; j < count; j++)
            {
                builder.Append(Tokens[random.Next(Tokens.Length)]);
            }

            var text = builder.ToString();
            var result = PromptParser.Parse("fuzz.mprompt", text);
            AssertWellFormed(result);
        }
    }

    [Fact]
    public void MutationsOfAValidDocument_NeverThrow()
    {
        var random = new Random(7);
        var valid = PromptText.Full;
        for (var i = 0; i < 1500; i++)
        {
            var chars = new StringBuilder(valid);
            var edits = random.Next(1, 6);
            for (var e = 0; e < edits && chars.Length > 0; e++)
            {
                var at = random.Next(chars.Length);
                switch (random.Next(3))
                {
                    case 0:
                        chars.Remove(at, Math.Min(random.Next(1, 10), chars.Length - at));
                        break;
                    case 1:
                        chars.Insert(at, Tokens[random.Next(Tokens.Length)]);
                        break;
                    default:
                        chars[at] = (char)random.Next(0, 0x3000);
                        break;
                }
            }

            AssertWellFormed(PromptParser.Parse("fuzz.mprompt", chars.ToString()));
        }
    }

    [Fact]
    public void RandomBytes_NeverThrow()
    {
        var random = new Random(42);
        var path = Path.Combine(_dir, "random.mprompt");
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            if (i % 3 == 0)
            {
                // Mostly ASCII with a few high bytes: gets past the NUL check more often.
                for (var j = 0; j < bytes.Length; j++)
                {
                    bytes[j] = random.Next(20) == 0 ? (byte)random.Next(0x80, 0x100) : (byte)random.Next(0x20, 0x7F);
                }
            }

            File.WriteAllBytes(path, bytes);
            AssertWellFormed(PromptParser.ParseFile(path));
        }
    }
}
