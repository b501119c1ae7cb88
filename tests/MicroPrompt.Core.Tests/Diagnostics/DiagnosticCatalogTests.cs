using System.Reflection;
using System.Text.RegularExpressions;
using MicroPrompt.Core.Tests.Reporting;
using MicroPrompt.Diagnostics;

namespace MicroPrompt.Core.Tests.Diagnostics;

/// <summary>
/// <see cref="DiagnosticCodes"/> is a catalog: every code unique and well formed, declared in numeric order, used by
/// the source tree, and listed (in order) in the table of docs/diagnostics.md. Codes added later are checked the same
/// way: nothing here lists them.
/// </summary>
public sealed partial class DiagnosticCatalogTests
{
    private static readonly string CodesFile = Path.Combine("src", "MicroPrompt.Core", "Diagnostics", "DiagnosticCodes.cs");

    [Fact]
    public void Every_code_is_a_unique_MP_number()
    {
        var declared = Declared();
        Assert.NotEmpty(declared);
        Assert.All(declared, c => Assert.Matches(CodeShape(), c.Code));

        var duplicates = declared.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Name))}").ToList();
        Assert.True(duplicates.Count == 0, "Codes declared twice: " + string.Join("; ", duplicates));
    }

    [Fact]
    public void The_source_parse_sees_every_declared_constant()
    {
        // The order test reads the source (reflection does not promise declaration order): prove it misses none.
        var reflected = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, Code: (string)f.GetRawConstantValue()!))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(reflected, Declared().OrderBy(c => c.Name, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Codes_are_declared_in_numeric_order()
    {
        var codes = Declared().Select(c => c.Code).ToList();
        var misplaced = codes.Zip(codes.Skip(1)).Where(p => Number(p.Second) <= Number(p.First)).Select(p => $"{p.Second} after {p.First}").ToList();
        Assert.True(misplaced.Count == 0, $"{CodesFile} is out of order: " + string.Join("; ", misplaced));
    }

    [Fact]
    public void Every_code_is_used_outside_its_declaration()
    {
        var used = SourceScan.DiagnosticCodeUses(Path.Combine(ReportSchema.RepoRoot(), "src"), CodesFile);
        var unused = Declared().Where(c => !used.Contains(c.Name)).Select(c => $"{c.Name} ({c.Code})").ToList();
        Assert.True(unused.Count == 0, "Codes nothing in src/ reports: " + string.Join(", ", unused));
    }

    [Fact]
    public void Every_code_is_in_the_docs_table_and_every_documented_code_exists()
    {
        var documented = DocumentedCodes();
        var declared = Declared().Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var missing = declared.Where(c => !documented.Contains(c)).Order(StringComparer.Ordinal).ToList();
        var unknown = documented.Where(c => !declared.Contains(c)).ToList();
        var twice = documented.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(missing.Count == 0, "Codes missing from the table in docs/diagnostics.md: " + string.Join(", ", missing));
        Assert.True(unknown.Count == 0, "docs/diagnostics.md lists codes DiagnosticCodes does not declare: " + string.Join(", ", unknown));
        Assert.True(twice.Count == 0, "docs/diagnostics.md lists codes twice: " + string.Join(", ", twice));
    }

    [Fact]
    public void The_docs_table_is_in_numeric_order()
    {
        var documented = DocumentedCodes();
        Assert.NotEmpty(documented);
        var misplaced = documented.Zip(documented.Skip(1)).Where(p => Number(p.Second) <= Number(p.First)).Select(p => $"{p.Second} after {p.First}").ToList();
        Assert.True(misplaced.Count == 0, "The table in docs/diagnostics.md is out of order: " + string.Join("; ", misplaced));
    }

    /// <summary>The constants of DiagnosticCodes.cs in declaration order.</summary>
    internal static IReadOnlyList<(string Name, string Code)> Declared()
        => Declaration().Matches(File.ReadAllText(Path.Combine(ReportSchema.RepoRoot(), CodesFile)))
            .Select(m => (m.Groups["name"].Value, m.Groups["code"].Value))
            .ToList();

    /// <summary>The first cell of every row of the code table in docs/diagnostics.md, in order.</summary>
    private static List<string> DocumentedCodes()
        => TableRow().Matches(File.ReadAllText(Path.Combine(ReportSchema.RepoRoot(), "docs", "diagnostics.md")))
            .Select(m => m.Groups["code"].Value)
            .ToList();

    private static int Number(string code) => int.Parse(code.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*public\s+const\s+string\s+(?<name>\w+)\s*=\s*""(?<code>[^""]*)""\s*;", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^\|\s*`(?<code>MP\d{4})`\s*\|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^MP\d{4}$")]
    private static partial Regex CodeShape();
}
