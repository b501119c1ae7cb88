using System.Text.RegularExpressions;
using MicroPrompt.Core.Tests.Reporting;

namespace MicroPrompt.Core.Tests.Docs;

/// <summary>The README is the front page and the reference lives in docs/: every relative link there must resolve.</summary>
public sealed partial class DocumentationLinkTests
{
    public static TheoryData<string> Pages()
    {
        var root = ReportSchema.RepoRoot();
        var pages = new TheoryData<string> { "README.md" };
        foreach (var page in Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(root, page).Replace('\\', '/'));
        }

        foreach (var page in new[] { "samples/Bench/README.md", "samples/QuickStart/README.md", "tests/Benchmarks/README.md" })
        {
            if (File.Exists(Path.Combine(root, page)))
            {
                pages.Add(page);
            }
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_resolves_to_a_file_and_every_anchor_to_a_heading(string page)
    {
        var root = ReportSchema.RepoRoot();
        var full = Path.Combine(root, page);
        var text = WithoutCode(File.ReadAllText(full));
        var broken = new List<string>();
        foreach (Match link in Link().Matches(text))
        {
            var target = link.Groups["target"].Value;
            if (Uri.TryCreate(target, UriKind.Absolute, out _) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var file = path.Length == 0 ? full : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, path));
            if (!File.Exists(file) && !Directory.Exists(file))
            {
                broken.Add($"{target}: no such file");
                continue;
            }

            if (anchor is { Length: > 0 } && file.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(file)).Contains(anchor))
            {
                broken.Add($"{target}: no heading with that anchor");
            }
        }

        Assert.True(broken.Count == 0, $"{page}: " + string.Join("; ", broken));
    }

    [Fact]
    public void The_readme_is_a_front_page_and_links_every_reference_page()
    {
        var root = ReportSchema.RepoRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        Assert.InRange(readme.Split('\n').Length, 40, 200);
        foreach (var page in new[] { "format", "properties", "providers", "resolved-state", "regeneration", "reports", "comparison", "teams", "diagnostics", "repository" })
        {
            Assert.Contains($"(docs/{page}.md)", readme);
        }
    }

    /// <summary>GitHub's anchors: lower-case, punctuation dropped, spaces to '-'.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(WithoutCode(markdown)))
        {
            var text = heading.Groups["text"].Value.Trim().ToLowerInvariant();
            var slug = new string(text.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-');
            var candidate = slug;
            for (var n = 1; !anchors.Add(candidate); n++)
            {
                candidate = $"{slug}-{n}";
            }
        }

        return anchors;
    }

    private static string WithoutCode(string markdown) => Fence().Replace(markdown, "");

    [GeneratedRegex(@"(?<!!)\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?ms)^(```|````).*?^\1\s*$")]
    private static partial Regex Fence();
}
