using MicroPrompt.Diagnostics;
using MicroPrompt.Prompts;
using NuGet.Versioning;
using static MicroPrompt.Core.Tests.Prompts.PromptText;

namespace MicroPrompt.Core.Tests.Prompts;

public class PromptParserDocumentTests
{
    private static PromptDocument ParseOk(string text)
    {
        var result = PromptParser.Parse("p.mprompt", text);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.NotNull(result.Document);
        return result.Document!;
    }

    [Fact]
    public void Tags_AreBoundInOrder_WithoutDuplicates_AndAScalarIsOneTag()
    {
        Assert.Equal(["api", "mtls", "pkcs12"], ParseOk(Lines("---", "tags: [api, mtls, API, pkcs12]", "---", "Do it.")).Tags);
        Assert.Equal(["file-data"], ParseOk(Lines("---", "tags: file-data", "---", "Do it.")).Tags);
        Assert.Empty(ParseOk(Lines("---", "model: m", "---", "Do it.")).Tags);
    }

    [Fact]
    public void FullDocument_BindsEveryKeyAndSection()
    {
        var result = PromptParser.Parse("Prompts/Push.mprompt", Full);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        // A program item runs ```text examples; its C# examples are kept for the model but warned about (not run).
        Assert.Equal(
            [(DiagnosticCodes.ExamplesMalformed, DiagnosticSeverity.Warning, 23, 1), (DiagnosticCodes.ExamplesMalformed, DiagnosticSeverity.Warning, 24, 3)],
            result.Diagnostics.Select(d => (d.Code, d.Severity, d.Line, d.Column)));
        var doc = result.Document!;
        Assert.Equal("Prompts/Push.mprompt", doc.FilePath);
        Assert.Equal(Full, doc.Text);
        Assert.Equal("qwen3-coder-next", doc.Model);
        Assert.Equal(PromptKind.Program, doc.Kind);
        Assert.Equal("Acme.Billing", doc.Namespace);
        Assert.Equal(
            [new PromptReference("Money.mprompt", new SourceSpan(5, 8)), new PromptReference("../Shared/Tax.mprompt", new SourceSpan(5, 23))],
            doc.Uses);

        Assert.Equal(2, doc.Requires.Count);
        Assert.Equal("Newtonsoft.Json", doc.Requires[0].Id);
        Assert.Equal(new SourceSpan(7, 5), doc.Requires[0].Span);
        Assert.Equal(NuGetVersion.Parse("13.0.1"), doc.Requires[0].Range.MinVersion);
        Assert.True(doc.Requires[0].Range.IsMinInclusive);
        Assert.False(doc.Requires[0].Range.HasUpperBound);
        Assert.Equal("Polly", doc.Requires[1].Id);
        Assert.Equal(new SourceSpan(8, 5), doc.Requires[1].Span);
        Assert.True(doc.Requires[1].Range.Satisfies(NuGetVersion.Parse("8.5.0")));
        Assert.False(doc.Requires[1].Range.Satisfies(NuGetVersion.Parse("9.0.0")));

        Assert.Equal(2, doc.Review);
        Assert.Equal(["network", "filesystem"], doc.Capabilities);
        Assert.Equal(
            new Dictionary<string, SourceSpan>
            {
                ["model"] = new(2, 1), ["kind"] = new(3, 1), ["namespace"] = new(4, 1), ["uses"] = new(5, 1),
                ["requires"] = new(6, 1), ["review"] = new(9, 1), ["capabilities"] = new(10, 1),
            },
            doc.KeySpans);

        Assert.Equal("Push invoice", doc.Title);
        Assert.Equal("public static class InvoicePusher { }", doc.Contract);
        Assert.Equal(new SourceSpan(18, 1), doc.ContractSpan);
        Assert.Equal(
            [
                new PromptExample("Slug.Make(\"Hello, World!\") == \"hello-world\"", "csharp", new SourceSpan(23, 1)),
                new PromptExample("Slug.Make(\"\") == \"\"", "csharp", new SourceSpan(24, 3)),
            ],
            doc.Examples);
        Assert.Equal(
            "# Push invoice\n\nSend the invoice as JSON to `POST {baseUrl}/invoices`.\n\n## Notes\n\nKeep it short.",
            doc.Instructions);
    }

    [Fact]
    public void NoFrontMatter_UsesDefaults()
    {
        var doc = ParseOk(Lines("# Slug", "", "Make URL slugs."));

        Assert.Null(doc.Model);
        Assert.Equal(PromptKind.Library, doc.Kind);
        Assert.Null(doc.Namespace);
        Assert.Empty(doc.Uses);
        Assert.Empty(doc.Requires);
        Assert.Equal(0, doc.Review);
        Assert.Empty(doc.Capabilities);
        Assert.Empty(doc.KeySpans);
        Assert.Equal("Slug", doc.Title);
        Assert.Null(doc.Contract);
        Assert.Equal(SourceSpan.None, doc.ContractSpan);
        Assert.Empty(doc.Examples);
        Assert.Equal("# Slug\n\nMake URL slugs.", doc.Instructions);
    }

    [Fact]
    public void EmptyFrontMatterAndCommentOnlyFrontMatter_AreAccepted()
    {
        Assert.Null(ParseOk(Lines("---", "---", "Do it.")).Model);
        Assert.Null(ParseOk(Lines("---", "# just a comment", "", "---", "Do it.")).Model);
    }

    [Fact]
    public void BodyWithoutTitle_HasNullTitle_AndLaterLevel1HeadingIsNotSkipped()
    {
        Assert.Null(ParseOk("Just do it.").Title);
        Assert.Equal("First", ParseOk(Lines("Intro.", "", "# First", "", "# Second")).Title);
        Assert.Equal("Setext title", ParseOk(Lines("Setext title", "============", "", "Body.")).Title);
        Assert.Equal("The Slug tool", ParseOk(Lines("# The *Slug* `tool`", "", "Body.")).Title);
    }

    [Fact]
    public void Uses_AcceptsScalarAndList()
    {
        var scalar = ParseOk(Lines("---", "uses: Money.mprompt", "---", "Do it."));
        Assert.Equal([new PromptReference("Money.mprompt", new SourceSpan(2, 7))], scalar.Uses);

        var block = ParseOk(Lines("---", "uses:", "  - A.mprompt", "  - 'sub dir/B.mprompt'", "---", "Do it."));
        Assert.Equal(
            [new PromptReference("A.mprompt", new SourceSpan(3, 5)), new PromptReference("sub dir/B.mprompt", new SourceSpan(4, 5))],
            block.Uses);

        Assert.Empty(ParseOk(Lines("---", "uses: []", "---", "Do it.")).Uses);
        Assert.Empty(ParseOk(Lines("---", "uses:", "---", "Do it.")).Uses);
    }

    [Fact]
    public void Kind_IsCaseInsensitive()
    {
        Assert.Equal(PromptKind.Program, ParseOk(Lines("---", "kind: PROGRAM", "---", "Do it.")).Kind);
        Assert.Equal(PromptKind.Library, ParseOk(Lines("---", "kind: library", "---", "Do it.")).Kind);
    }

    [Fact]
    public void QuotedValuesAndScalarAliases_AreRead()
    {
        var doc = ParseOk(Lines("---", "model: &m \"gpt-4.1-mini\"", "review: '3'", "requires: [ *m ]", "---", "Do it."));
        Assert.Equal("gpt-4.1-mini", doc.Model);
        Assert.Equal(3, doc.Review);
        Assert.Equal("gpt-4.1-mini", doc.Requires.Single().Id); // a package id is a word with dots and dashes
        Assert.Equal(new SourceSpan(4, 13), doc.Requires.Single().Span);
    }

    [Fact]
    public void Contract_IsFirstCSharpFencedBlock_AndSectionEndsAtNextLevel2Heading()
    {
        var doc = ParseOk(Lines(
            "# Money",                 // 1
            "",                        // 2
            "Represent money.",        // 3
            "",                        // 4
            "## contract",             // 5
            "Some words.",             // 6
            "```json",                 // 7
            "{ \"not\": \"c#\" }",     // 8
            "```",                     // 9
            "### Detail",              // 10
            "```",                     // 11
            "",                        // 12
            "    public readonly record struct Money(decimal Amount, string Currency);", // 13
            "public static class MoneyMath { }", // 14
            "```",                     // 15
            "```cs",                   // 16
            "class Ignored { }",       // 17
            "```",                     // 18
            "## Rounding",             // 19
            "Round half to even."));   // 20

        Assert.Equal(
            "    public readonly record struct Money(decimal Amount, string Currency);\npublic static class MoneyMath { }",
            doc.Contract);
        Assert.Equal(new SourceSpan(13, 5), doc.ContractSpan);
        Assert.Equal("# Money\n\nRepresent money.\n\n## Rounding\nRound half to even.", doc.Instructions);
    }

    [Theory]
    [InlineData("csharp")]
    [InlineData("cs")]
    [InlineData("C#")]
    [InlineData("")]
    public void Contract_AcceptsCSharpLanguageNames(string language)
    {
        var doc = ParseOk(Lines("Do it.", "", "## Contract", "```" + language, "class A { }", "```"));
        Assert.Equal("class A { }", doc.Contract);
        Assert.Equal(new SourceSpan(5, 1), doc.ContractSpan);
    }

    [Fact]
    public void Examples_ExpressionLinesAreSplit_StatementBlocksAreNot()
    {
        var doc = ParseOk(Lines(
            "Slugs.",                                    // 1
            "",                                          // 2
            "## Examples",                               // 3
            "```csharp",                                 // 4
            "// basic cases",                            // 5
            "Slug.Make(\"A B\") == \"a-b\"",             // 6
            "",                                          // 7
            "Slug.Make(\"\") == \"\"",                   // 8
            "```",                                       // 9
            "```cs",                                     // 10
            "var s = Slug.Make(\"x\");",                 // 11
            "if (s != \"x\") throw new Exception();",    // 12
            "```",                                       // 13
            "```csharp",                                 // 14
            "Slug.Make(",                                // 15
            "    \"multi line\") == \"multi-line\"",     // 16
            "```",                                       // 17
            "- a list item:",                            // 18
            "  ```",                                     // 19
            "  Slug.Make(\"Ü\") == \"u\"",               // 20
            "  ```",                                     // 21
            "```text",                                   // 22
            "--name x",                                  // 23
            "hello x",                                   // 24
            "```",                                       // 25
            "```csharp",                                 // 26
            "for (var i = 0; i < 3; i++)",               // 27
            "{",                                         // 28
            "    Check(i);",                             // 29
            "}",                                         // 30
            "```"));                                     // 31

        Assert.Equal(
            [
                new PromptExample("Slug.Make(\"A B\") == \"a-b\"", "csharp", new SourceSpan(6, 1)),
                new PromptExample("Slug.Make(\"\") == \"\"", "csharp", new SourceSpan(8, 1)),
                new PromptExample("var s = Slug.Make(\"x\");\nif (s != \"x\") throw new Exception();", "cs", new SourceSpan(11, 1)),
                new PromptExample("Slug.Make(\n    \"multi line\") == \"multi-line\"", "csharp", new SourceSpan(15, 1)),
                new PromptExample("Slug.Make(\"Ü\") == \"u\"", "", new SourceSpan(20, 3)),
                new PromptExample("--name x\nhello x", "text", new SourceSpan(23, 1)),
                new PromptExample("for (var i = 0; i < 3; i++)\n{\n    Check(i);\n}", "csharp", new SourceSpan(27, 1)),
            ],
            doc.Examples);
        Assert.Equal("Slugs.", doc.Instructions);
    }

    [Fact]
    public void Examples_SectionWithoutFencedBlock_IsAWarningNotAnError()
    {
        var result = PromptParser.Parse("p.mprompt", Lines("Do it.", "", "## Examples", "", "`A() == 1`"));

        Assert.True(result.Success);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.ExamplesMalformed, DiagnosticSeverity.Warning, 3, 1),
            (warning.Code, warning.Severity, warning.Line, warning.Column));
        Assert.Empty(result.Document!.Examples);
    }

    [Fact]
    public void CrLfAndCr_GiveTheSameResultAsLf()
    {
        var lf = PromptParser.Parse("p.mprompt", Full).Document!;
        foreach (var newline in new[] { "\r\n", "\r" })
        {
            var other = PromptParser.Parse("p.mprompt", Full.Replace("\n", newline)).Document!;
            Assert.Equal(lf.Text, other.Text);
            Assert.DoesNotContain('\r', other.Text);
            Assert.Equal(lf.Title, other.Title);
            Assert.Equal(lf.Instructions, other.Instructions);
            Assert.Equal(lf.Contract, other.Contract);
            Assert.Equal(lf.ContractSpan, other.ContractSpan);
            Assert.Equal(lf.Examples, other.Examples);
            Assert.Equal(lf.Uses, other.Uses);
            Assert.Equal(lf.Requires.Select(r => (r.Id, r.Range.ToNormalizedString(), r.Span)), other.Requires.Select(r => (r.Id, r.Range.ToNormalizedString(), r.Span)));
            Assert.Equal(lf.KeySpans, other.KeySpans);
        }

        var bad = Lines("---", "model: x", "modle: y", "---", "Do it.");
        Assert.Equal(
            PromptParser.Parse("p.mprompt", bad).Diagnostics,
            PromptParser.Parse("p.mprompt", bad.Replace("\n", "\r\n")).Diagnostics);
    }

    [Fact]
    public void Bom_IsStripped_AndLocationsAreUnchanged()
    {
        var result = PromptParser.Parse("p.mprompt", "\uFEFF" + Full);

        Assert.True(result.Success);
        Assert.Equal(Full, result.Document!.Text);
        Assert.Equal("qwen3-coder-next", result.Document.Model);
        Assert.Equal(new SourceSpan(2, 1), result.Document.KeySpans["model"]);

        var bad = PromptParser.Parse("p.mprompt", "\uFEFF---\nmodle: x\n---\nDo it.");
        Assert.Equal((2, 1), (bad.Diagnostics.Single().Line, bad.Diagnostics.Single().Column));
    }

    [Fact]
    public void Warnings_DoNotPreventADocument_ButErrorsDo()
    {
        var withError = PromptParser.Parse("p.mprompt", Lines("---", "kind: server", "---", "Do it."));
        Assert.False(withError.Success);
        Assert.Null(withError.Document);
    }
}
