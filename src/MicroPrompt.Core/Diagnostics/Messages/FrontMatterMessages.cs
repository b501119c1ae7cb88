namespace MicroPrompt.Diagnostics.Messages;

/// <summary>
/// The messages of the front matter (MP0010–MP0014) and of <c>uses:</c> references between prompts (MP0020, MP0021).
/// Each method returns the diagnostic of one code; the parser adds the location where the method does not take one.
/// </summary>
internal static class FrontMatterMessages
{
    public static MicroPromptDiagnostic Unterminated() => MicroPromptDiagnostic.Error(DiagnosticCodes.FrontMatterUnterminated,
        "The front matter opened by '---' on line 1 is never closed; add a line containing only '---' after the last key " +
        "(or remove the first line if the file has no front matter).");

    public static MicroPromptDiagnostic NotYaml(string parserMessage) => MicroPromptDiagnostic.Error(DiagnosticCodes.FrontMatterMalformed,
        $"The front matter is not valid YAML: {parserMessage} Fix the YAML between the '---' lines.");

    public static MicroPromptDiagnostic NotYamlNearHere() => MicroPromptDiagnostic.Error(DiagnosticCodes.FrontMatterMalformed,
        "The front matter is not valid YAML near here; fix the YAML between the '---' lines (quote values that contain brackets, braces, ':' or '#').");

    public static MicroPromptDiagnostic SeveralDocuments() => MicroPromptDiagnostic.Error(DiagnosticCodes.FrontMatterMalformed,
        "The front matter must be a single YAML document; remove the extra '...' or '---' document markers.");

    public static MicroPromptDiagnostic KeyTwice(string key, int firstLine) => MicroPromptDiagnostic.Error(DiagnosticCodes.FrontMatterMalformed,
        $"The key '{key}' is given twice (first on line {firstLine}); keep one.");

    public static MicroPromptDiagnostic KeyNotAName(string description, IEnumerable<string> allowedKeys) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.FrontMatterUnknownKey,
        $"A front-matter key must be a name, not {description}. Allowed keys: {string.Join(", ", allowedKeys)}.");

    /// <param name="hint">The "did you mean" sentence (<c>NameSuggestions.Hint</c>), ending the first sentence.</param>
    public static MicroPromptDiagnostic UnknownKey(string key, string hint, IEnumerable<string> allowedKeys) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.FrontMatterUnknownKey,
        $"Unknown front-matter key '{key}'{hint} Allowed keys: {string.Join(", ", allowedKeys)}.");

    public static MicroPromptDiagnostic NotAMapping(string description) => Invalid(
        $"The front matter must be 'key: value' lines, but it is {description}.");

    public static MicroPromptDiagnostic TextRequired(string key, string expected, string description) => Invalid(
        $"'{key}' must be {expected}, but it is {description}; give a value or remove the key.");

    public static MicroPromptDiagnostic ListRequired(string key, string expected, string description) => Invalid(
        $"'{key}' must be {expected}, but it is {description}.");

    public static MicroPromptDiagnostic UnknownKind(string text, string hint) => Invalid(
        $"'kind' must be 'library' or 'program', not '{text}'{hint}");

    /// <param name="badPart">The part that is not a C# identifier; empty for an empty part.</param>
    public static MicroPromptDiagnostic BadNamespace(string text, string badPart) => Invalid(
        $"'namespace' must be a dotted C# name such as 'Acme.Billing', but '{text}' has " +
        (badPart.Length == 0 ? "an empty part." : $"'{badPart}', which is not a C# identifier (or is a keyword)."));

    public static MicroPromptDiagnostic UsesEntryNotAPath(string description) => Invalid(
        $"Each 'uses' entry must be a path to another .mprompt, but this one is {description}.");

    public static MicroPromptDiagnostic UsesEntryNotRelative(string path) => Invalid(
        $"'uses' entry '{path}' must be a path relative to this prompt's folder, e.g. 'Money.mprompt' or '../Shared/Money.mprompt'.");

    public static MicroPromptDiagnostic BadReview(string description) => Invalid(
        $"'review' must be a whole number of self-review passes (0 or more), but it is {description}.");

    public static MicroPromptDiagnostic BadRegeneration(string description) => Invalid(
        $"'regeneration' must be 'edit' (a changed prompt edits the previous code) or 'fresh' (regenerate from scratch), but it is {description}.");

    /// <param name="name">The entry's name, or null when the entry is not a name at all.</param>
    public static MicroPromptDiagnostic UnknownCapability(string? name, string description, string hint, string allowed) => Invalid(
        (name is null
            ? $"Each 'capabilities' entry must be a name, but this one is {description}."
            : $"Unknown capability '{name}'{hint}") +
        $" Allowed: {allowed}.");

    /// <param name="name">The tag, or null when the entry is not a name at all.</param>
    public static MicroPromptDiagnostic BadTag(string? name, string description) => Invalid(
        (name is not null
            ? $"The tag '{name}' may only contain letters, digits, '-', '_', '.' and '/'"
            : $"Each 'tags' entry must be a name, but this one is {description}") +
        "; tags group results in comparison reports, e.g. 'tags: [api, oauth2]'.");

    public static MicroPromptDiagnostic RequiresEntryNotText(string description) => MicroPromptDiagnostic.Error(DiagnosticCodes.RequiresInvalid,
        $"Each 'requires' entry must be text such as 'Newtonsoft.Json >= 13.0.1', but this one is {description} " +
        "(quote the entry if it contains ': ').");

    public static MicroPromptDiagnostic RequiresEntryInvalid(string? error) => MicroPromptDiagnostic.Error(DiagnosticCodes.RequiresInvalid,
        $"Invalid 'requires' entry: {error}");

    public static MicroPromptDiagnostic RequiredTwice(string packageId, int firstLine) => MicroPromptDiagnostic.Error(DiagnosticCodes.RequiresInvalid,
        $"'{packageId}' is required twice (first on line {firstLine}); keep one entry with a single range.");

    public static MicroPromptDiagnostic UsesNotFound(string reference, string target, string file, int line, int column) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.UsesNotFound,
        $"'uses: {reference}' names no MicroPrompt item of this project (looked for '{target}'). Paths are relative to this prompt's folder.",
        file, line, column);

    public static MicroPromptDiagnostic UsesCycle(IEnumerable<string> cycle, string file, int line, int column) => MicroPromptDiagnostic.Error(
        DiagnosticCodes.UsesCycle,
        $"'uses' forms a cycle: {string.Join(" -> ", cycle)}. A prompt can only use prompts that do not use it back; remove one of these references.",
        file, line, column);

    private static MicroPromptDiagnostic Invalid(string message) => MicroPromptDiagnostic.Error(DiagnosticCodes.FrontMatterInvalidValue, message);
}
