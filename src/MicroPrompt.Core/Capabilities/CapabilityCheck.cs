using MicroPrompt.Diagnostics;
using MicroPrompt.Diagnostics.Messages;
using MicroPrompt.Prompts;
using MicroPrompt.Resolution;

namespace MicroPrompt.Capabilities;

/// <summary>
/// Compares the capabilities generated code uses with those its prompt declares (<c>capabilities:</c>) and reports the
/// undeclared ones as MP2020: a warning, or an error under <c>MicroPromptStrictCapabilities=true</c>. Capabilities are
/// found by <see cref="CapabilityScanner"/> when the code is generated and recorded with it, so a build that only reads
/// resolved code checks them without loading Roslyn.
/// </summary>
public static class CapabilityCheck
{
    /// <summary>The sorted capability names of <paramref name="uses"/>, or null for none (kept out of the lock).</summary>
    public static List<string>? Names(IReadOnlyList<CapabilityUse> uses)
        => uses.Count == 0 ? null : uses.Select(u => u.Capability).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>Adds MP2020 for the capabilities used but not declared, if any.</summary>
    /// <param name="recorded">Capability names recorded with resolved code (no location known), or null.</param>
    /// <param name="found">Uses found in freshly generated code (with locations), or null.</param>
    public static void Report(
        ResolutionItem item,
        PromptDocument document,
        IReadOnlyList<string>? recorded,
        IReadOnlyList<CapabilityUse>? found,
        bool strict,
        List<MicroPromptDiagnostic> diagnostics)
    {
        var declared = new HashSet<string>(document.Capabilities, StringComparer.OrdinalIgnoreCase);
        var undeclared = found is not null
            ? found.Where(u => !declared.Contains(u.Capability)).Select(u => $"{u.Capability} ({u.Api} at {GeneratedName(item)}({u.Line},{u.Column}))").ToList()
            : (recorded ?? []).Where(c => !declared.Contains(c)).ToList();
        if (undeclared.Count == 0)
        {
            return;
        }

        var span = document.KeySpans.TryGetValue("capabilities", out var s) ? s : new SourceSpan(1, 1);
        var names = found is not null ? found.Where(u => !declared.Contains(u.Capability)).Select(u => u.Capability) : undeclared;
        var list = string.Join(", ", declared.Concat(names).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.Ordinal));
        diagnostics.Add(CodeQualityMessages.CapabilityNotDeclared(item.ItemPath, undeclared, list, strict, item.FullPath, span.Line, span.Column));
    }

    private static string GeneratedName(ResolutionItem item)
        => Path.GetFileNameWithoutExtension(item.ItemPath.Replace('\\', '/').Split('/')[^1]) + ".g.cs";
}
