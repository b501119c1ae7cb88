using System.Globalization;
using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;

namespace MicroPrompt.Prompts;

/// <summary>Checks the front-matter pairs against the allowed keys and value types and binds them to a <see cref="FrontMatter"/>.</summary>
internal static class FrontMatterBinder
{
    /// <summary>Every key a front matter may contain, in documentation order.</summary>
    public static readonly string[] AllowedKeys = ["model", "kind", "namespace", "uses", "requires", "review", "capabilities", "tags", "regeneration"];

    /// <summary>Every value <c>capabilities:</c> accepts.</summary>
    public static readonly string[] AllowedCapabilities = ["network", "filesystem", "process", "environment", "reflection"];

    public static FrontMatter Bind(IReadOnlyList<FrontMatterEntry> entries, PromptParseContext context)
    {
        var result = new FrontMatter();
        foreach (var (keyNode, value) in entries)
        {
            if (keyNode is not FrontMatterScalar { IsNull: false } key)
            {
                context.Report(FrontMatterMessages.KeyNotAName(keyNode.Description, AllowedKeys), keyNode.Span);
                continue;
            }

            if (!AllowedKeys.Contains(key.Value, StringComparer.Ordinal))
            {
                context.Report(FrontMatterMessages.UnknownKey(key.Value, NameSuggestions.Hint(key.Value, AllowedKeys), AllowedKeys), key.Span);
                continue;
            }

            result.KeySpans[key.Value] = key.Span;
            switch (key.Value)
            {
                case "model":
                    result.Model = RequireText(key.Value, value, context, "a model id, e.g. 'model: gpt-4.1-mini'");
                    break;
                case "kind":
                    BindKind(value, result, context);
                    break;
                case "namespace":
                    BindNamespace(value, result, context);
                    break;
                case "uses":
                    BindUses(value, result, context);
                    break;
                case "requires":
                    BindRequires(value, result, context);
                    break;
                case "review":
                    BindReview(value, result, context);
                    break;
                case "capabilities":
                    BindCapabilities(value, result, context);
                    break;
                case "tags":
                    BindTags(value, result, context);
                    break;
                case "regeneration":
                    BindRegeneration(value, result, context);
                    break;
            }
        }

        return result;
    }

    private static string? RequireText(string key, FrontMatterNode value, PromptParseContext context, string expected)
    {
        if (value is FrontMatterScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
        {
            return scalar.Value.Trim();
        }

        context.Report(FrontMatterMessages.TextRequired(key, expected, value.Description), value.Span);
        return null;
    }

    private static void BindKind(FrontMatterNode value, FrontMatter result, PromptParseContext context)
    {
        var text = RequireText("kind", value, context, "'library' or 'program'");
        if (text is null)
        {
            return;
        }

        if (text.Equals("library", StringComparison.OrdinalIgnoreCase))
        {
            result.Kind = PromptKind.Library;
        }
        else if (text.Equals("program", StringComparison.OrdinalIgnoreCase))
        {
            result.Kind = PromptKind.Program;
        }
        else
        {
            context.Report(FrontMatterMessages.UnknownKind(text, NameSuggestions.Hint(text, ["library", "program"])), value.Span);
        }
    }

    private static void BindNamespace(FrontMatterNode value, FrontMatter result, PromptParseContext context)
    {
        var text = RequireText("namespace", value, context, "a C# namespace, e.g. 'namespace: Acme.Billing'");
        if (text is null)
        {
            return;
        }

        var bad = text.Split('.').FirstOrDefault(part => !IsIdentifier(part));
        if (bad is not null)
        {
            context.Report(FrontMatterMessages.BadNamespace(text, bad), value.Span);
            return;
        }

        result.Namespace = text;
    }

    // Checked without Roslyn on purpose: the parser runs in every build, and a build whose items are all resolved must
    // not load Roslyn. The rules are the C# spec's (identifier-start / identifier-part characters, reserved keywords).
    private static readonly HashSet<string> ReservedKeywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    private static bool IsIdentifier(string part)
    {
        if (part.Length == 0 || ReservedKeywords.Contains(part))
        {
            return false;
        }

        static bool Start(char c) => c == '_' || char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
            or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
            or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.LetterNumber;
        static bool Part(char c) => Start(c) || char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.DecimalDigitNumber or System.Globalization.UnicodeCategory.ConnectorPunctuation
            or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.Format;
        return Start(part[0]) && part.Skip(1).All(Part);
    }

    private static void BindUses(FrontMatterNode value, FrontMatter result, PromptParseContext context)
    {
        foreach (var item in Items("uses", value, context, "a prompt path or a list of them, e.g. 'uses: [Money.mprompt]'"))
        {
            if (item is not FrontMatterScalar { IsNull: false } scalar || scalar.Value.Trim().Length == 0)
            {
                context.Report(FrontMatterMessages.UsesEntryNotAPath(item.Description), item.Span);
                continue;
            }

            var path = scalar.Value.Trim();
            if (Path.IsPathRooted(path) || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                context.Report(FrontMatterMessages.UsesEntryNotRelative(path), item.Span);
                continue;
            }

            result.Uses.Add(new PromptReference(path, item.Span));
        }
    }

    private static void BindRequires(FrontMatterNode value, FrontMatter result, PromptParseContext context)
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in Items("requires", value, context, "a list of packages, e.g. 'requires: [Newtonsoft.Json >= 13.0.1]'"))
        {
            if (item is not FrontMatterScalar { IsNull: false } scalar)
            {
                context.Report(FrontMatterMessages.RequiresEntryNotText(item.Description), item.Span);
                continue;
            }

            var requirement = RequirementParser.TryParse(scalar.Value, item.Span, out var error);
            if (requirement is null)
            {
                context.Report(FrontMatterMessages.RequiresEntryInvalid(error), item.Span);
                continue;
            }

            if (seen.TryGetValue(requirement.Id, out var first))
            {
                context.Report(FrontMatterMessages.RequiredTwice(requirement.Id, first.Line), item.Span);
                continue;
            }

            seen[requirement.Id] = item.Span;
            result.Requires.Add(requirement);
        }
    }

    private static void BindReview(FrontMatterNode value, FrontMatter result, PromptParseContext context)
    {
        if (value is FrontMatterScalar { IsNull: false } scalar
            && int.TryParse(scalar.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var passes))
        {
            result.Review = passes;
            return;
        }

        context.Report(FrontMatterMessages.BadReview(value.Description), value.Span);
    }

    private static void BindRegeneration(FrontMatterNode value, FrontMatter result, PromptParseContext context)
    {
        var text = value is FrontMatterScalar { IsNull: false } scalar ? scalar.Value.Trim() : null;
        if (Enum.TryParse<Generation.RegenerationMode>(text, ignoreCase: true, out var mode) && !int.TryParse(text, out _))
        {
            result.Regeneration = mode;
            return;
        }

        context.Report(FrontMatterMessages.BadRegeneration(value.Description), value.Span);
    }

    private static void BindCapabilities(FrontMatterNode value, FrontMatter result, PromptParseContext context)
    {
        var allowed = string.Join(", ", AllowedCapabilities);
        foreach (var item in Items("capabilities", value, context, $"a list drawn from: {allowed}"))
        {
            var name = item is FrontMatterScalar { IsNull: false } scalar ? scalar.Value.Trim() : null;
            var known = name is null ? null : AllowedCapabilities.FirstOrDefault(c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                context.Report(FrontMatterMessages.UnknownCapability(
                    name, item.Description, name is null ? "" : NameSuggestions.Hint(name, AllowedCapabilities), allowed), item.Span);
                continue;
            }

            if (!result.Capabilities.Contains(known))
            {
                result.Capabilities.Add(known);
            }
        }
    }

    private static void BindTags(FrontMatterNode value, FrontMatter result, PromptParseContext context)
    {
        foreach (var item in Items("tags", value, context, "a list of names, e.g. 'tags: [api, oauth2]'"))
        {
            var name = item is FrontMatterScalar { IsNull: false } scalar ? scalar.Value.Trim() : "";
            if (name.Length == 0 || name.Any(c => !(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/')))
            {
                context.Report(FrontMatterMessages.BadTag(item is FrontMatterScalar { IsNull: false } ? name : null, item.Description), item.Span);
                continue;
            }

            if (!result.Tags.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                result.Tags.Add(name);
            }
        }
    }

    /// <summary>The items of a list value; a single scalar counts as a one-item list; YAML null as an empty list.</summary>
    private static IEnumerable<FrontMatterNode> Items(string key, FrontMatterNode value, PromptParseContext context, string expected)
    {
        switch (value)
        {
            case FrontMatterSequence sequence:
                return sequence.Items;
            case FrontMatterScalar { IsNull: true }:
                return [];
            case FrontMatterScalar scalar:
                return [scalar];
            default:
                context.Report(FrontMatterMessages.ListRequired(key, expected, value.Description), value.Span);
                return [];
        }
    }
}
