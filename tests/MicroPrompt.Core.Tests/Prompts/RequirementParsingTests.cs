using MicroPrompt.Prompts;
using NuGet.Versioning;
using static MicroPrompt.Core.Tests.Prompts.PromptText;

namespace MicroPrompt.Core.Tests.Prompts;

public class RequirementParsingTests
{
    [Theory]
    // entry, id, min, min inclusive, max, max inclusive (null = unbounded)
    [InlineData("Newtonsoft.Json >= 13.0.1", "Newtonsoft.Json", "13.0.1", true, null, false)]
    [InlineData("Newtonsoft.Json>=13.0.1", "Newtonsoft.Json", "13.0.1", true, null, false)]
    [InlineData("Foo > 1.0", "Foo", "1.0", false, null, false)]
    [InlineData("Foo <= 2.0", "Foo", null, false, "2.0", true)]
    [InlineData("Foo < 2.0-beta.1", "Foo", null, false, "2.0-beta.1", false)]
    [InlineData("Foo == 1.2.3", "Foo", "1.2.3", true, "1.2.3", true)]
    [InlineData("Foo = 1.2.3", "Foo", "1.2.3", true, "1.2.3", true)]
    [InlineData("Foo 13.0.1", "Foo", "13.0.1", true, null, false)]
    [InlineData("Foo [1.0,2.0)", "Foo", "1.0", true, "2.0", false)]
    [InlineData("Foo   (1.0, 2.0]", "Foo", "1.0", false, "2.0", true)]
    [InlineData("Foo [1.5]", "Foo", "1.5", true, "1.5", true)]
    [InlineData("Foo.Bar-Baz_2", "Foo.Bar-Baz_2", null, false, null, false)]
    public void Entry_MapsToRange(string entry, string id, string? min, bool minInclusive, string? max, bool maxInclusive)
    {
        var requirement = RequirementParser.TryParse(entry, new SourceSpan(3, 5), out var error);

        Assert.Null(error);
        Assert.NotNull(requirement);
        Assert.Equal(id, requirement!.Id);
        Assert.Equal(new SourceSpan(3, 5), requirement.Span);
        var range = requirement.Range;
        Assert.Equal(min is not null, range.HasLowerBound);
        Assert.Equal(max is not null, range.HasUpperBound);
        if (min is not null)
        {
            Assert.Equal(NuGetVersion.Parse(min), range.MinVersion);
            Assert.Equal(minInclusive, range.IsMinInclusive);
        }

        if (max is not null)
        {
            Assert.Equal(NuGetVersion.Parse(max), range.MaxVersion);
            Assert.Equal(maxInclusive, range.IsMaxInclusive);
        }
    }

    [Fact]
    public void Operators_BehaveAsComparisons()
    {
        static bool Satisfies(string entry, string version)
            => RequirementParser.TryParse(entry, default, out _)!.Range.Satisfies(NuGetVersion.Parse(version));

        Assert.True(Satisfies("A >= 2.0", "2.0"));
        Assert.False(Satisfies("A >= 2.0", "1.9.9"));
        Assert.False(Satisfies("A > 2.0", "2.0"));
        Assert.True(Satisfies("A > 2.0", "2.0.1"));
        Assert.True(Satisfies("A <= 2.0", "2.0"));
        Assert.False(Satisfies("A < 2.0", "2.0"));
        Assert.True(Satisfies("A < 2.0", "1.0"));
        Assert.True(Satisfies("A == 2.0", "2.0.0"));
        Assert.False(Satisfies("A = 2.0", "2.0.1"));
        Assert.True(Satisfies("A", "0.0.1"));
        Assert.True(Satisfies("A 2.0", "99.0"));
        Assert.False(Satisfies("A 2.0", "1.0"));
    }

    [Theory]
    [InlineData("Foo >=")]
    [InlineData("Foo >= x")]
    [InlineData("Foo => 1.0")]
    [InlineData("Foo 1.*")]
    [InlineData("Foo [2.0,1.0]")]
    [InlineData("Foo bar")]
    [InlineData("[1.0,2.0)")]
    [InlineData("Fo$o 1.0")]
    [InlineData(".Foo")]
    public void BadEntry_HasAnErrorSayingWhatToWrite(string entry)
    {
        Assert.Null(RequirementParser.TryParse(entry, default, out var error));
        Assert.NotNull(error);
        Assert.Contains("PackageId >= 1.2.3", error);
    }

    [Fact]
    public void PackageIdLongerThan100_IsRefused()
    {
        Assert.NotNull(RequirementParser.TryParse(new string('a', 100), default, out _));
        Assert.Null(RequirementParser.TryParse(new string('a', 101), default, out _));
    }

    [Fact]
    public void Requires_ThroughTheParser_AcceptsScalarAndFlowAndBlockLists()
    {
        var scalar = PromptParser.Parse("p.mprompt", Lines("---", "requires: Foo >= 1.0", "---", "Do it.")).Document!;
        Assert.Equal("Foo", scalar.Requires.Single().Id);
        Assert.Equal(new SourceSpan(2, 11), scalar.Requires.Single().Span);

        var flow = PromptParser.Parse("p.mprompt", Lines("---", "requires: [A >= 1.0, B, \"C [1.0,2.0)\"]", "---", "Do it.")).Document!;
        Assert.Equal(["A", "B", "C"], flow.Requires.Select(r => r.Id));
        Assert.Equal(VersionRange.All, flow.Requires[1].Range);
        Assert.Equal([12, 22, 25], flow.Requires.Select(r => r.Span.Column));
    }
}
