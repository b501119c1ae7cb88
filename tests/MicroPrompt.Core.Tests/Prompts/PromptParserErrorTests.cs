using MicroPrompt.Diagnostics;
using MicroPrompt.Prompts;
using static MicroPrompt.Core.Tests.Prompts.PromptText;

namespace MicroPrompt.Core.Tests.Prompts;

public class PromptParserErrorTests
{
    private static MicroPromptDiagnostic SingleError(string text, PromptParserOptions? options = null)
    {
        var result = PromptParser.Parse("dir/p.mprompt", text, options);
        Assert.False(result.Success);
        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("dir/p.mprompt", diagnostic.File);
        return diagnostic;
    }

    private static void AssertAt(MicroPromptDiagnostic diagnostic, string code, int line, int column)
        => Assert.Equal((code, line, column), (diagnostic.Code, diagnostic.Line, diagnostic.Column));

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t\n")]
    [InlineData("\uFEFF")]
    public void Empty_IsMP0002(string text)
        => AssertAt(SingleError(text), DiagnosticCodes.PromptEmpty, 0, 0);

    [Fact]
    public void NulCharacter_IsMP0003_AtItsPosition()
        => AssertAt(SingleError(Lines("# Title", "ab\0cd")), DiagnosticCodes.PromptNotText, 2, 3);

    [Fact]
    public void UnpairedSurrogate_IsMP0003()
        => Assert.Equal(DiagnosticCodes.PromptNotText, SingleError("Do \uD800 it.").Code);

    [Fact]
    public void TextOverTheCap_IsMP0004()
    {
        var options = new PromptParserOptions { MaxBytes = 10 };
        Assert.Equal(DiagnosticCodes.PromptTooLarge, SingleError("Do it, now!", options).Code); // 11 bytes
        Assert.True(PromptParser.Parse("p.mprompt", "Do it now!", options).Success);          // 10 bytes
        Assert.Equal(DiagnosticCodes.PromptTooLarge, SingleError("Do it ééé", options).Code);   // 9 chars, 12 bytes
        Assert.Throws<ArgumentOutOfRangeException>(() => new PromptParserOptions { MaxBytes = 0 });
    }

    [Fact]
    public void UnterminatedFrontMatter_IsMP0010_AtLine1()
        => AssertAt(SingleError(Lines("---", "model: x", "# Title", "", "Do it.")), DiagnosticCodes.FrontMatterUnterminated, 1, 1);

    [Fact]
    public void YamlSyntaxError_IsMP0011_AtTheFileLocation()
    {
        // Line 3 of the file is line 2 of the YAML; YamlDotNet reports the ':' that makes it an invalid mapping.
        var diagnostic = SingleError(Lines("---", "model: x", "  bad: y", "---", "Do it."));
        AssertAt(diagnostic, DiagnosticCodes.FrontMatterMalformed, 3, 6);
        Assert.Contains("not valid YAML", diagnostic.Message);
    }

    [Fact]
    public void UnclosedFlowList_IsMP0011()
        => Assert.Equal(DiagnosticCodes.FrontMatterMalformed, SingleError(Lines("---", "uses: [a, b", "---", "Do it.")).Code);

    [Fact]
    public void DuplicateKey_IsMP0011_AtTheSecondOne()
    {
        var diagnostic = SingleError(Lines("---", "model: a", "model: b", "---", "Do it."));
        AssertAt(diagnostic, DiagnosticCodes.FrontMatterMalformed, 3, 1);
        Assert.Contains("line 2", diagnostic.Message);
    }

    [Fact]
    public void UnknownKey_IsMP0012_WithSuggestionAndAllowedKeys()
    {
        var diagnostic = SingleError(Lines("---", "model: a", "   # comment", "Modle: b", "---", "Do it."));

        AssertAt(diagnostic, DiagnosticCodes.FrontMatterUnknownKey, 4, 1);
        Assert.Contains("'Modle'", diagnostic.Message);
        Assert.Contains("did you mean 'model'?", diagnostic.Message);
        Assert.Contains("model, kind, namespace, uses, requires, review, capabilities, tags", diagnostic.Message);
    }

    [Theory]
    [InlineData("require: [Foo]", "requires")]
    [InlineData("namepsace: A", "namespace")]
    [InlineData("capability: [network]", "capabilities")]
    public void UnknownKey_SuggestsClosest(string line, string suggestion)
        => Assert.Contains($"did you mean '{suggestion}'?", SingleError(Lines("---", line, "---", "Do it.")).Message);

    [Fact]
    public void UnknownKey_FarFromEveryKey_HasNoSuggestion()
    {
        var diagnostic = SingleError(Lines("---", "temperature: 0.2", "---", "Do it."));
        Assert.DoesNotContain("did you mean", diagnostic.Message);
        Assert.Contains("Allowed keys", diagnostic.Message);
    }

    [Fact]
    public void FrontMatterThatIsNotAMapping_IsMP0013()
        => AssertAt(SingleError(Lines("---", "- a", "- b", "---", "Do it.")), DiagnosticCodes.FrontMatterInvalidValue, 2, 1);

    [Theory]
    [InlineData("kind: service", 7)]
    [InlineData("kind: [library]", 7)]
    [InlineData("model:", 7)]
    [InlineData("model: [a, b]", 8)]
    [InlineData("model: {a: b}", 8)]
    [InlineData("namespace: Acme.2Billing", 12)]
    [InlineData("namespace: Acme.class", 12)]
    [InlineData("namespace: Acme..Billing", 12)]
    [InlineData("review: -1", 9)]
    [InlineData("review: 1.5", 9)]
    [InlineData("review: lots", 9)]
    [InlineData("review: 99999999999", 9)]
    [InlineData("uses: {a: b}", 7)]
    [InlineData("uses: /abs/Money.mprompt", 7)]
    [InlineData("uses: [[a]]", 8)]
    [InlineData("capabilities: [netwrok]", 16)]
    [InlineData("capabilities: network-ish", 15)]
    [InlineData("capabilities: {network: true}", 15)]
    [InlineData("tags: [api, \"two words\"]", 13)]
    [InlineData("tags: [[api]]", 8)]
    [InlineData("tags: {a: b}", 7)]
    public void InvalidValue_IsMP0013_AtTheValue(string line, int column)
    {
        var diagnostic = SingleError(Lines("---", line, "---", "Do it."));
        AssertAt(diagnostic, DiagnosticCodes.FrontMatterInvalidValue, 2, column);
    }

    [Fact]
    public void InvalidValue_SuggestsClosestEnum()
    {
        Assert.Contains("did you mean 'library'?", SingleError(Lines("---", "kind: libary", "---", "Do it.")).Message);
        Assert.Contains("did you mean 'network'?", SingleError(Lines("---", "capabilities: [netwrok]", "---", "Do it.")).Message);
    }

    [Theory]
    [InlineData("  - Newtonsoft.Json >= banana", 5)]
    [InlineData("  - Foo [2.0", 5)]
    [InlineData("  - Foo 1.*", 5)]
    [InlineData("  - Foo >= 1.0 < 2.0", 5)]
    [InlineData("  - not a valid id!", 5)]
    [InlineData("  - '>= 1.0'", 5)]
    [InlineData("  - Foo: 1.0", 5)]
    [InlineData("  -", 4)]
    public void BadRequiresEntry_IsMP0014_AtTheEntry(string entry, int column)
    {
        var diagnostic = SingleError(Lines("---", "requires:", entry, "---", "Do it."));
        AssertAt(diagnostic, DiagnosticCodes.RequiresInvalid, 3, column);
    }

    [Fact]
    public void RequiresTwice_IsMP0014_AtTheSecondEntry()
    {
        var diagnostic = SingleError(Lines("---", "requires: [Foo >= 1.0, foo < 3.0]", "---", "Do it."));
        AssertAt(diagnostic, DiagnosticCodes.RequiresInvalid, 2, 24);
    }

    [Fact]
    public void NoInstructions_IsMP0030_AtTheBodyStart()
    {
        var diagnostic = SingleError(Lines(
            "---", "model: x", "---", "# Title", "", "### Sub", "---", "<!-- a note -->", "",
            "## Contract", "```cs", "class A { }", "```", "## Examples", "```cs", "new A() != null", "```"));
        AssertAt(diagnostic, DiagnosticCodes.PromptNoInstructions, 4, 1);

        AssertAt(SingleError(Lines("---", "model: x", "---")), DiagnosticCodes.PromptNoInstructions, 3, 1);
        AssertAt(SingleError(Lines("---", "model: x", "---", "")), DiagnosticCodes.PromptNoInstructions, 4, 1);
    }

    [Fact]
    public void ContractWithoutFencedBlock_IsMP0031_AtTheHeading()
    {
        var diagnostic = SingleError(Lines("# T", "", "Do it.", "", "  ## Contract", "", "    class A { }", "", "Words."));
        AssertAt(diagnostic, DiagnosticCodes.ContractMalformed, 5, 3);
        Assert.Contains("no fenced code block", diagnostic.Message);
    }

    [Fact]
    public void ContractWithOnlyNonCSharpOrEmptyBlock_IsMP0031()
    {
        var json = SingleError(Lines("Do it.", "## Contract", "```json", "{}", "```"));
        AssertAt(json, DiagnosticCodes.ContractMalformed, 2, 1);
        Assert.Contains("'json'", json.Message);

        AssertAt(SingleError(Lines("Do it.", "## Contract", "```csharp", "   ", "```")), DiagnosticCodes.ContractMalformed, 3, 1);
    }

    [Fact]
    public void TwoContractSections_AreMP0031_AtTheSecond()
        => AssertAt(
            SingleError(Lines("Do it.", "## Contract", "```cs", "class A {}", "```", "## Contract", "```cs", "class B {}", "```")),
            DiagnosticCodes.ContractMalformed, 6, 1);

    [Fact]
    public void DeeplyNestedMarkdown_IsMP0033_NotACrash()
    {
        var diagnostic = SingleError(Lines("---", "model: x", "---", new string('>', 50_000)));
        AssertAt(diagnostic, DiagnosticCodes.PromptBodyMalformed, 4, 1);
    }

    [Fact]
    public void DeeplyNestedYaml_IsADiagnosticNotACrash()
    {
        var result = PromptParser.Parse("p.mprompt", Lines("---", "uses: " + new string('[', 3_000), "---", "Do it."));
        Assert.False(result.Success);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticCodes.FrontMatterMalformed, d.Code));

        var closed = PromptParser.Parse("p.mprompt", Lines("---", "uses: " + new string('[', 3_000) + new string(']', 3_000), "---", "Do it."));
        AssertAt(Assert.Single(closed.Diagnostics), DiagnosticCodes.FrontMatterInvalidValue, 2, 8);
    }

    [Fact]
    public void FrontMatterOverItsCap_IsMP0004_AtTheOpeningLine_WithoutYamlParsing()
    {
        var huge = "uses: " + new string('[', FrontMatterYamlReader.MaxChars) + new string(']', FrontMatterYamlReader.MaxChars);
        var diagnostic = SingleError(Lines("---", huge, "---", "Do it."));
        AssertAt(diagnostic, DiagnosticCodes.PromptTooLarge, 1, 1);
    }

    [Fact]
    public void SeveralErrors_AreAllReported_InFileOrder()
    {
        var result = PromptParser.Parse("p.mprompt", Lines(
            "---",                                 // 1
            "modle: x",                            // 2  MP0012
            "kind: service",                       // 3  MP0013
            "requires:",                           // 4
            "  - Foo >= 1.0",                      // 5
            "  - Bar >= nope",                     // 6  MP0014
            "review: -2",                          // 7  MP0013
            "---",                                 // 8
            "# Title",                             // 9  MP0030 (no text besides headings)
            "## Contract",                         // 10 MP0031
            "Nothing here.",                       // 11
            "## Examples",                         // 12 MP0032 (warning)
            "None."));                             // 13

        Assert.False(result.Success);
        Assert.Null(result.Document);
        Assert.Equal(
            [
                (DiagnosticCodes.FrontMatterUnknownKey, 2, 1),
                (DiagnosticCodes.FrontMatterInvalidValue, 3, 7),
                (DiagnosticCodes.RequiresInvalid, 6, 5),
                (DiagnosticCodes.FrontMatterInvalidValue, 7, 9),
                (DiagnosticCodes.PromptNoInstructions, 9, 1),
                (DiagnosticCodes.ContractMalformed, 10, 1),
                (DiagnosticCodes.ExamplesMalformed, 12, 1),
            ],
            result.Diagnostics.Select(d => (d.Code, d.Line, d.Column)));
        Assert.All(result.Diagnostics, d => Assert.Equal("p.mprompt", d.File));
    }

    [Fact]
    public void YamlErrorAfterValidKeys_StillReportsEarlierKeyErrorsAndBodyErrors()
    {
        var result = PromptParser.Parse("p.mprompt", Lines(
            "---", "modle: x", "uses: [a", "---", "## Contract", "text"));

        Assert.Equal(
            [DiagnosticCodes.FrontMatterUnknownKey, DiagnosticCodes.FrontMatterMalformed, DiagnosticCodes.PromptNoInstructions, DiagnosticCodes.ContractMalformed],
            result.Diagnostics.Select(d => d.Code));
    }
}
