using System.Text.RegularExpressions;
using NuGet.Versioning;

namespace MicroPrompt.Prompts;

/// <summary>
/// Parses one <c>requires:</c> entry: <c>Id</c> (any version), <c>Id 1.2.3</c> (at least), <c>Id [1.0,2.0)</c> (NuGet
/// range notation), or <c>Id OP 1.2.3</c> with OP one of <c>&gt;= &gt; &lt;= &lt; == =</c>. Versions and ranges are
/// NuGet.Versioning's; floating versions (<c>1.*</c>) are refused because a check needs a fixed bound.
/// </summary>
internal static partial class RequirementParser
{
    private const string Forms = "write 'PackageId', 'PackageId 1.2.3' (at least), 'PackageId >= 1.2.3' (also >, <=, <, ==) or 'PackageId [1.0,2.0)'";

    private static readonly string[] Operators = [">=", "<=", "==", ">", "<", "="];

    /// <summary>The requirement, or null with the reason in <paramref name="error"/>.</summary>
    public static PackageRequirement? TryParse(string entry, SourceSpan span, out string? error)
    {
        var text = entry.Trim();
        var idEnd = 0;
        while (idEnd < text.Length && !char.IsWhiteSpace(text[idEnd]) && text[idEnd] is not ('<' or '>' or '=' or '[' or '('))
        {
            idEnd++;
        }

        var id = text[..idEnd];
        var rest = text[idEnd..].Trim();
        if (id.Length == 0)
        {
            error = $"'{entry}' has no package id; {Forms}.";
            return null;
        }

        if (!IsValidPackageId(id))
        {
            error = $"'{id}' is not a valid NuGet package id; {Forms}.";
            return null;
        }

        VersionRange? range;
        if (rest.Length == 0)
        {
            range = VersionRange.All;
        }
        else if (Operators.FirstOrDefault(rest.StartsWith) is { } op)
        {
            var versionText = rest[op.Length..].Trim();
            if (!NuGetVersion.TryParse(versionText, out var version))
            {
                error = $"'{versionText}' in '{entry}' is not a version; {Forms}. For a range with two bounds use '[1.0,2.0)'.";
                return null;
            }

            range = op switch
            {
                ">=" => new VersionRange(version, includeMinVersion: true),
                ">" => new VersionRange(version, includeMinVersion: false),
                "<=" => new VersionRange(null, false, version, includeMaxVersion: true),
                "<" => new VersionRange(null, false, version, includeMaxVersion: false),
                _ => new VersionRange(version, true, version, true), // == and =
            };
        }
        else if (!VersionRange.TryParse(rest, allowFloating: false, out range))
        {
            error = $"'{rest}' in '{entry}' is not a version or version range; {Forms}.";
            return null;
        }

        error = null;
        return new PackageRequirement(id, range, span);
    }

    // NuGet's own package id rule (NuGet.Packaging's PackageIdValidator): word characters separated by '.' or '-',
    // at most 100 characters. Not worth a dependency on NuGet.Packaging for one regex.
    private static bool IsValidPackageId(string id) => id.Length <= 100 && PackageIdPattern().IsMatch(id);

    [GeneratedRegex(@"^\w+([.-]\w+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PackageIdPattern();
}
